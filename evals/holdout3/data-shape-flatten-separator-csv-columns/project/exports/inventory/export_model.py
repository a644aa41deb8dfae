"""Export records of the inventory area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Export:
    id: int
    quantity: int = 0
    notes: str | None = None
    active: bool = True
    owner_id: int | None = None
    code: str = ""

    def label(self) -> str:
        return f"export-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Export:
    """Build a Export from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Export.__dataclass_fields__}
    return Export(**known)
