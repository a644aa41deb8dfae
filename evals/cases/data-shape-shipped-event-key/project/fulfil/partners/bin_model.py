"""Bin records of the partners area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Bin:
    id: int
    active: bool = True
    quantity: int = 0
    owner_id: int | None = None
    region: str = "eu"
    tags: list[str] = field(default_factory=list)

    def label(self) -> str:
        return f"bin-{self.id}:{self.active}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Bin:
    """Build a Bin from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Bin.__dataclass_fields__}
    return Bin(**known)
