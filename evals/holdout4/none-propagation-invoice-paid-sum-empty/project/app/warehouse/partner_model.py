"""Partner records of the warehouse area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Partner:
    id: int
    notes: str | None = None
    name: str = ""
    priority: int = 1
    tags: list[str] = field(default_factory=list)
    score: float = 0.0

    def label(self) -> str:
        return f"partner-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Partner:
    """Build a Partner from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Partner.__dataclass_fields__}
    return Partner(**known)
