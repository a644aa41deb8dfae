"""Segment records of the returns area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Segment:
    id: int
    priority: int = 1
    active: bool = True
    owner_id: int | None = None
    code: str = ""
    notes: str | None = None

    def label(self) -> str:
        return f"segment-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Segment:
    """Build a Segment from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Segment.__dataclass_fields__}
    return Segment(**known)
