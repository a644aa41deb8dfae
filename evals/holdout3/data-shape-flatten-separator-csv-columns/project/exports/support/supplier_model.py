"""Supplier records of the support area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Supplier:
    id: int
    priority: int = 1
    quantity: int = 0
    tags: list[str] = field(default_factory=list)
    notes: str | None = None
    score: float = 0.0
    owner_id: int | None = None

    def label(self) -> str:
        return f"supplier-{self.id}:{self.priority}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Supplier:
    """Build a Supplier from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Supplier.__dataclass_fields__}
    return Supplier(**known)
