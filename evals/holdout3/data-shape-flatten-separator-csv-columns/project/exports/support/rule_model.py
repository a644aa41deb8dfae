"""Rule records of the support area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Rule:
    id: int
    active: bool = True
    owner_id: int | None = None
    tags: list[str] = field(default_factory=list)

    def label(self) -> str:
        return f"rule-{self.id}:{self.active}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Rule:
    """Build a Rule from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Rule.__dataclass_fields__}
    return Rule(**known)
