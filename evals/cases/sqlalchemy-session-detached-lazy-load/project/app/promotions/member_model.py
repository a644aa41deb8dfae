"""Member records of the promotions area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Member:
    id: int
    code: str = ""
    name: str = ""
    region: str = "eu"
    notes: str | None = None
    priority: int = 1

    def label(self) -> str:
        return f"member-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Member:
    """Build a Member from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Member.__dataclass_fields__}
    return Member(**known)
