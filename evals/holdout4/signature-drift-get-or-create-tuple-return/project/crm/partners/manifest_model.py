"""Manifest records of the partners area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Manifest:
    id: int
    code: str = ""
    region: str = "eu"
    priority: int = 1
    score: float = 0.0

    def label(self) -> str:
        return f"manifest-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Manifest:
    """Build a Manifest from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Manifest.__dataclass_fields__}
    return Manifest(**known)
