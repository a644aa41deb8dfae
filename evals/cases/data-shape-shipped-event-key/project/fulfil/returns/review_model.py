"""Review records of the returns area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Review:
    id: int
    code: str = ""
    region: str = "eu"
    notes: str | None = None
    active: bool = True
    priority: int = 1
    name: str = ""

    def label(self) -> str:
        return f"review-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Review:
    """Build a Review from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Review.__dataclass_fields__}
    return Review(**known)
