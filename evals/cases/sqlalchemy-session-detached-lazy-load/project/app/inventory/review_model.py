"""Review records of the inventory area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Review:
    id: int
    code: str = ""
    active: bool = True
    region: str = "eu"
    owner_id: int | None = None

    def label(self) -> str:
        return f"review-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Review:
    """Build a Review from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Review.__dataclass_fields__}
    return Review(**known)
