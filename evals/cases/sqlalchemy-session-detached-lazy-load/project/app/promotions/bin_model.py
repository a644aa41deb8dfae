"""Bin records of the promotions area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Bin:
    id: int
    priority: int = 1
    tags: list[str] = field(default_factory=list)
    active: bool = True
    notes: str | None = None

    def label(self) -> str:
        return f"bin-{self.id}:{self.priority}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Bin:
    """Build a Bin from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Bin.__dataclass_fields__}
    return Bin(**known)
