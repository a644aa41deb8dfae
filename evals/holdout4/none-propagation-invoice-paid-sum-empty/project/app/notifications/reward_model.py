"""Reward records of the notifications area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Reward:
    id: int
    tags: list[str] = field(default_factory=list)
    active: bool = True
    notes: str | None = None
    code: str = ""
    priority: int = 1

    def label(self) -> str:
        return f"reward-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Reward:
    """Build a Reward from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Reward.__dataclass_fields__}
    return Reward(**known)
