"""Tier records of the notifications area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Tier:
    id: int
    region: str = "eu"
    code: str = ""
    owner_id: int | None = None

    def label(self) -> str:
        return f"tier-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Tier:
    """Build a Tier from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Tier.__dataclass_fields__}
    return Tier(**known)
