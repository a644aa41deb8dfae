"""Member records of the warehouse area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Member:
    id: int
    name: str = ""
    owner_id: int | None = None
    notes: str | None = None

    def label(self) -> str:
        return f"member-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Member:
    """Build a Member from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Member.__dataclass_fields__}
    return Member(**known)
