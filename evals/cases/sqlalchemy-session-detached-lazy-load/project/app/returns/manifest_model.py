"""Manifest records of the returns area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Manifest:
    id: int
    owner_id: int | None = None
    code: str = ""
    quantity: int = 0
    active: bool = True
    name: str = ""

    def label(self) -> str:
        return f"manifest-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Manifest:
    """Build a Manifest from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Manifest.__dataclass_fields__}
    return Manifest(**known)
