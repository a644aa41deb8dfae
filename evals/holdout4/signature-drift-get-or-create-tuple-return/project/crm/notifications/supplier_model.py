"""Supplier records of the notifications area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Supplier:
    id: int
    code: str = ""
    score: float = 0.0
    region: str = "eu"
    name: str = ""

    def label(self) -> str:
        return f"supplier-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Supplier:
    """Build a Supplier from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Supplier.__dataclass_fields__}
    return Supplier(**known)
