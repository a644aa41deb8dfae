"""Campaign records of the reports area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Campaign:
    id: int
    code: str = ""
    tags: list[str] = field(default_factory=list)
    priority: int = 1
    active: bool = True
    name: str = ""
    quantity: int = 0

    def label(self) -> str:
        return f"campaign-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Campaign:
    """Build a Campaign from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Campaign.__dataclass_fields__}
    return Campaign(**known)
