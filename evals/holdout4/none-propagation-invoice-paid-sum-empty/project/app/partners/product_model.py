"""Product records of the partners area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Product:
    id: int
    active: bool = True
    region: str = "eu"
    tags: list[str] = field(default_factory=list)
    owner_id: int | None = None
    quantity: int = 0

    def label(self) -> str:
        return f"product-{self.id}:{self.active}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Product:
    """Build a Product from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Product.__dataclass_fields__}
    return Product(**known)
