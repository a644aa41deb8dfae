"""Batch records of the promotions area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Batch:
    id: int
    active: bool = True
    score: float = 0.0
    notes: str | None = None
    owner_id: int | None = None
    tags: list[str] = field(default_factory=list)
    code: str = ""

    def label(self) -> str:
        return f"batch-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Batch:
    """Build a Batch from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Batch.__dataclass_fields__}
    return Batch(**known)
