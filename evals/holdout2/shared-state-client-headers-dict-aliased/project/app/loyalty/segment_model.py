"""Segment records of the loyalty area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Segment:
    id: int
    name: str = ""
    owner_id: int | None = None
    code: str = ""
    quantity: int = 0
    score: float = 0.0
    tags: list[str] = field(default_factory=list)

    def label(self) -> str:
        return f"segment-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Segment:
    """Build a Segment from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Segment.__dataclass_fields__}
    return Segment(**known)
