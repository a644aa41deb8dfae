"""Product records of the reports area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Product:
    id: int
    name: str = ""
    tags: list[str] = field(default_factory=list)
    priority: int = 1
    active: bool = True
    code: str = ""

    def label(self) -> str:
        return f"product-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Product:
    """Build a Product from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Product.__dataclass_fields__}
    return Product(**known)
