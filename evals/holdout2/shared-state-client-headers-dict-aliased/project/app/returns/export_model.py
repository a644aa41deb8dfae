"""Export records of the returns area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Export:
    id: int
    notes: str | None = None
    quantity: int = 0
    owner_id: int | None = None
    name: str = ""
    priority: int = 1

    def label(self) -> str:
        return f"export-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Export:
    """Build a Export from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Export.__dataclass_fields__}
    return Export(**known)
