"""Bin records of the catalog area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Bin:
    id: int
    notes: str | None = None
    owner_id: int | None = None
    tags: list[str] = field(default_factory=list)

    def label(self) -> str:
        return f"bin-{self.id}:{self.notes}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Bin:
    """Build a Bin from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Bin.__dataclass_fields__}
    return Bin(**known)
