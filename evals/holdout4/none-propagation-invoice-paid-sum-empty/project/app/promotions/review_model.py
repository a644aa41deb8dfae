"""Review records of the promotions area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Review:
    id: int
    code: str = ""
    tags: list[str] = field(default_factory=list)
    score: float = 0.0
    owner_id: int | None = None
    active: bool = True
    name: str = ""

    def label(self) -> str:
        return f"review-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Review:
    """Build a Review from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Review.__dataclass_fields__}
    return Review(**known)
