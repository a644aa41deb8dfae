"""Reward records of the inventory area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Reward:
    id: int
    tags: list[str] = field(default_factory=list)
    owner_id: int | None = None
    notes: str | None = None
    quantity: int = 0

    def label(self) -> str:
        return f"reward-{self.id}:{self.tags}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Reward:
    """Build a Reward from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Reward.__dataclass_fields__}
    return Reward(**known)
