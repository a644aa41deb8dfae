"""Product records of the catalog area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Product:
    id: int
    region: str = "eu"
    quantity: int = 0
    priority: int = 1
    owner_id: int | None = None
    name: str = ""

    def label(self) -> str:
        return f"product-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Product:
    """Build a Product from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Product.__dataclass_fields__}
    return Product(**known)
