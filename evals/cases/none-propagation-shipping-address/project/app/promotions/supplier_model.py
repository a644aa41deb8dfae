"""Supplier records of the promotions area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Supplier:
    id: int
    score: float = 0.0
    active: bool = True
    region: str = "eu"
    name: str = ""
    owner_id: int | None = None

    def label(self) -> str:
        return f"supplier-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Supplier:
    """Build a Supplier from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Supplier.__dataclass_fields__}
    return Supplier(**known)
