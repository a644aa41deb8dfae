"""Segment records of the catalog area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Segment:
    id: int
    score: float = 0.0
    priority: int = 1
    code: str = ""
    active: bool = True

    def label(self) -> str:
        return f"segment-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Segment:
    """Build a Segment from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Segment.__dataclass_fields__}
    return Segment(**known)
