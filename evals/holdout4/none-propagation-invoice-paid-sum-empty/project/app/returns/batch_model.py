"""Batch records of the returns area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Batch:
    id: int
    code: str = ""
    region: str = "eu"
    notes: str | None = None
    priority: int = 1

    def label(self) -> str:
        return f"batch-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Batch:
    """Build a Batch from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Batch.__dataclass_fields__}
    return Batch(**known)
