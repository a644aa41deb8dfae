"""Rule records of the catalog area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Rule:
    id: int
    name: str = ""
    active: bool = True
    region: str = "eu"

    def label(self) -> str:
        return f"rule-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Rule:
    """Build a Rule from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Rule.__dataclass_fields__}
    return Rule(**known)
