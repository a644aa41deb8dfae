"""Region records of the notifications area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Region:
    id: int
    region: str = "eu"
    score: float = 0.0
    tags: list[str] = field(default_factory=list)
    priority: int = 1
    active: bool = True
    name: str = ""

    def label(self) -> str:
        return f"region-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Region:
    """Build a Region from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Region.__dataclass_fields__}
    return Region(**known)
