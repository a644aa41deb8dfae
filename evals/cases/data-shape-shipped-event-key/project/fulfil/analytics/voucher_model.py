"""Voucher records of the analytics area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Voucher:
    id: int
    quantity: int = 0
    code: str = ""
    score: float = 0.0
    tags: list[str] = field(default_factory=list)
    notes: str | None = None
    owner_id: int | None = None

    def label(self) -> str:
        return f"voucher-{self.id}:{self.code}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Voucher:
    """Build a Voucher from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Voucher.__dataclass_fields__}
    return Voucher(**known)
