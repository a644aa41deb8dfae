"""Review records of the audit area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Review:
    id: int
    owner_id: int | None = None
    active: bool = True
    priority: int = 1
    notes: str | None = None
    score: float = 0.0

    def label(self) -> str:
        return f"review-{self.id}:{self.owner_id}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Review:
    """Build a Review from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Review.__dataclass_fields__}
    return Review(**known)
