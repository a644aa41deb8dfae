"""Member records of the notifications area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Member:
    id: int
    owner_id: int | None = None
    notes: str | None = None
    region: str = "eu"

    def label(self) -> str:
        return f"member-{self.id}:{self.owner_id}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Member:
    """Build a Member from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Member.__dataclass_fields__}
    return Member(**known)
