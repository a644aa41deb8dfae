"""Batch records of the promotions area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Batch:
    id: int
    owner_id: int | None = None
    name: str = ""
    code: str = ""
    tags: list[str] = field(default_factory=list)
    region: str = "eu"
    notes: str | None = None

    def label(self) -> str:
        return f"batch-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Batch:
    """Build a Batch from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Batch.__dataclass_fields__}
    return Batch(**known)
