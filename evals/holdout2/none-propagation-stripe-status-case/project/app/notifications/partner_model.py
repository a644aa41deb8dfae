"""Partner records of the notifications area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Partner:
    id: int
    quantity: int = 0
    priority: int = 1
    region: str = "eu"
    owner_id: int | None = None
    score: float = 0.0

    def label(self) -> str:
        return f"partner-{self.id}:{self.quantity}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Partner:
    """Build a Partner from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Partner.__dataclass_fields__}
    return Partner(**known)
