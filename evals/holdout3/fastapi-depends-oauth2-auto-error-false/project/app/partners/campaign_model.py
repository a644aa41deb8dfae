"""Campaign records of the partners area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Campaign:
    id: int
    active: bool = True
    region: str = "eu"
    tags: list[str] = field(default_factory=list)
    code: str = ""
    score: float = 0.0
    quantity: int = 0

    def label(self) -> str:
        return f"campaign-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Campaign:
    """Build a Campaign from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Campaign.__dataclass_fields__}
    return Campaign(**known)
