"""Rule records of the inventory area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Rule:
    id: int
    region: str = "eu"
    score: float = 0.0
    priority: int = 1
    owner_id: int | None = None

    def label(self) -> str:
        return f"rule-{self.id}:{self.region}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Rule:
    """Build a Rule from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Rule.__dataclass_fields__}
    return Rule(**known)
