"""Rule records of the warehouse area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Rule:
    id: int
    region: str = "eu"
    tags: list[str] = field(default_factory=list)
    quantity: int = 0
    priority: int = 1
    name: str = ""

    def label(self) -> str:
        return f"rule-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Rule:
    """Build a Rule from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Rule.__dataclass_fields__}
    return Rule(**known)
