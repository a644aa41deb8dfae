"""Slot records of the warehouse area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Slot:
    id: int
    code: str = ""
    owner_id: int | None = None
    region: str = "eu"

    def label(self) -> str:
        return f"slot-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Slot:
    """Build a Slot from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Slot.__dataclass_fields__}
    return Slot(**known)
