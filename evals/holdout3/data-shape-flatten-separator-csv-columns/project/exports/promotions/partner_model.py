"""Partner records of the promotions area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Partner:
    id: int
    tags: list[str] = field(default_factory=list)
    notes: str | None = None
    name: str = ""

    def label(self) -> str:
        return f"partner-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Partner:
    """Build a Partner from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Partner.__dataclass_fields__}
    return Partner(**known)
