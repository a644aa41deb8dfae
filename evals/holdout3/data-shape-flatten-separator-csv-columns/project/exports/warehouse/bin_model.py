"""Bin records of the warehouse area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Bin:
    id: int
    active: bool = True
    region: str = "eu"
    name: str = ""
    score: float = 0.0
    code: str = ""

    def label(self) -> str:
        return f"bin-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Bin:
    """Build a Bin from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Bin.__dataclass_fields__}
    return Bin(**known)
