"""Voucher records of the audit area."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Voucher:
    id: int
    name: str = ""
    notes: str | None = None
    code: str = ""

    def label(self) -> str:
        return f"voucher-{self.id}:{self.name}"

    def to_dict(self) -> dict:
        return asdict(self)


def from_row(row: dict) -> Voucher:
    """Build a Voucher from a database row, ignoring unknown columns."""
    known = {k: v for k, v in row.items() if k in Voucher.__dataclass_fields__}
    return Voucher(**known)
