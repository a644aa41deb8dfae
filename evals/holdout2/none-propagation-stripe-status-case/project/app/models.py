"""Typed views of billing rows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Subscription:
    id: str
    account_id: int
    price_id: str
    status: str
    seats: int

    @classmethod
    def from_row(cls, row: dict) -> Subscription:
        return cls(row["id"], row["account_id"], row["price_id"], row["status"], row["seats"])

    @property
    def is_active(self) -> bool:
        return self.status in ("ACTIVE", "TRIALING")

    @property
    def is_delinquent(self) -> bool:
        return self.status in ("past_due", "unpaid")


@dataclass(frozen=True)
class Price:
    id: str
    unit_amount: int  # cents per seat
    interval: str = "month"
