from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel

SUBJECTS = {
    "en": "Reminder: invoice {number} is {days} days overdue",
    "de": "Zahlungserinnerung: Rechnung {number} ist seit {days} Tagen fällig",
}


class Reminder(BaseModel):
    invoice_id: int
    to: str
    subject: str
    amount: str


def build_reminder(invoice: Mapping[str, Any], today: date) -> Reminder:
    days = (today - invoice["due_on"]).days
    template = SUBJECTS.get(invoice["locale"], SUBJECTS["en"])
    return Reminder(
        invoice_id=invoice["id"],
        to=f'{invoice["customer_name"]} <{invoice["email"]}>',
        subject=template.format(number=invoice["number"], days=days),
        amount=f'{invoice["amount_cents"] / 100:.2f}',
    )
