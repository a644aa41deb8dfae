"""Segment records of the support area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Segment:
    id: int
    owner_id: int | None = None
    tags: list[str] = field(default_factory=list)
    name: str = ""
    priority: int = 1

    def label(self) -> str:
        return f"segment-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Segment:
    """Build a Segment from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Segment.__dataclass_fields__}
    return Segment(**known)
