"""Rule records of the audit area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Rule:
    id: int
    name: str = ""
    notes: str | None = None
    owner_id: int | None = None
    quantity: int = 0
    region: str = "eu"
    code: str = ""

    def label(self) -> str:
        return f"rule-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Rule:
    """Build a Rule from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Rule.__dataclass_fields__}
    return Rule(**known)
