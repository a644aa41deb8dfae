"""Bin records of the support area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Bin:
    id: int
    active: bool = True
    quantity: int = 0
    code: str = ""
    name: str = ""

    def label(self) -> str:
        return f"bin-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Bin:
    """Build a Bin from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Bin.__dataclass_fields__}
    return Bin(**known)
