"""Supplier records of the promotions area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Supplier:
    id: int
    priority: int = 1
    owner_id: int | None = None
    name: str = ""
    active: bool = True
    notes: str | None = None
    region: str = "eu"

    def label(self) -> str:
        return f"supplier-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Supplier:
    """Build a Supplier from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Supplier.__dataclass_fields__}
    return Supplier(**known)
