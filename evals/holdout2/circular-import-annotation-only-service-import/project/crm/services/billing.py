"""Billing: turns plan changes into invoice lines."""

from __future__ import annotations

from datetime import date

from crm.models import Account, InvoiceLine
from crm.services.accounts import PLANS, AccountService

PRICE_PER_SEAT_CENTS = {"free": 0, "team": 800, "enterprise": 1900}


class BillingService:
    def __init__(self, accounts: AccountService, today: date | None = None) -> None:
        self.accounts = accounts
        self.today = today or date(2024, 1, 1)
        self.lines: list[InvoiceLine] = []
        accounts.attach_billing(self)

    def plan_changed(self, account: Account) -> None:
        seats = min(account.seats, PLANS[account.plan])
        amount = seats * PRICE_PER_SEAT_CENTS[account.plan]
        self.lines.append(InvoiceLine(account.id, f"{account.plan} plan, {seats} seats", amount, self.today))
