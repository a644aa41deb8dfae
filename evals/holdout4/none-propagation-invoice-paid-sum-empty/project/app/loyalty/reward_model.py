"""Reward records of the loyalty area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Reward:
    id: int
    active: bool = True
    owner_id: int | None = None
    code: str = ""

    def label(self) -> str:
        return f"reward-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Reward:
    """Build a Reward from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Reward.__dataclass_fields__}
    return Reward(**known)
