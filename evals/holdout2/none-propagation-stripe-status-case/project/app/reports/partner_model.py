"""Partner records of the reports area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Partner:
    id: int
    score: float = 0.0
    code: str = ""
    active: bool = True

    def label(self) -> str:
        return f"partner-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Partner:
    """Build a Partner from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Partner.__dataclass_fields__}
    return Partner(**known)
