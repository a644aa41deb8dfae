"""Export records of the returns area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Export:
    id: int
    region: str = "eu"
    score: float = 0.0
    tags: list[str] = field(default_factory=list)
    priority: int = 1

    def label(self) -> str:
        return f"export-{self.id}:{self.region}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Export:
    """Build a Export from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Export.__dataclass_fields__}
    return Export(**known)
