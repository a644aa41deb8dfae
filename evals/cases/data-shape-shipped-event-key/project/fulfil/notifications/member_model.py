"""Member records of the notifications area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Member:
    id: int
    tags: list[str] = field(default_factory=list)
    priority: int = 1
    code: str = ""
    notes: str | None = None
    name: str = ""
    owner_id: int | None = None

    def label(self) -> str:
        return f"member-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Member:
    """Build a Member from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Member.__dataclass_fields__}
    return Member(**known)
