"""Region records of the reports area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Region:
    id: int
    name: str = ""
    owner_id: int | None = None
    active: bool = True
    tags: list[str] = field(default_factory=list)
    priority: int = 1
    quantity: int = 0

    def label(self) -> str:
        return f"region-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Region:
    """Build a Region from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Region.__dataclass_fields__}
    return Region(**known)
