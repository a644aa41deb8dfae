"""Partner records of the reports area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Partner:
    id: int
    tags: list[str] = field(default_factory=list)
    score: float = 0.0
    quantity: int = 0
    priority: int = 1

    def label(self) -> str:
        return f"partner-{self.id}:{self.tags}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Partner:
    """Build a Partner from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Partner.__dataclass_fields__}
    return Partner(**known)
