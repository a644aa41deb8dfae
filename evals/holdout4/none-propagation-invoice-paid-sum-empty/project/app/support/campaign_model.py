"""Campaign records of the support area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Campaign:
    id: int
    owner_id: int | None = None
    name: str = ""
    priority: int = 1
    code: str = ""

    def label(self) -> str:
        return f"campaign-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Campaign:
    """Build a Campaign from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Campaign.__dataclass_fields__}
    return Campaign(**known)
