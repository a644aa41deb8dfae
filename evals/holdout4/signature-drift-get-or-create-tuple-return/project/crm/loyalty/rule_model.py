"""Rule records of the loyalty area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Rule:
    id: int
    score: float = 0.0
    code: str = ""
    tags: list[str] = field(default_factory=list)

    def label(self) -> str:
        return f"rule-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Rule:
    """Build a Rule from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Rule.__dataclass_fields__}
    return Rule(**known)
