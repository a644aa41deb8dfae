"""Account lifecycle: sign-up, plan changes, seats."""

from __future__ import annotations

from crm.models import Account
from crm.repository import AccountRepository
from crm.services.billing import BillingService

PLANS = {"free": 1, "team": 25, "enterprise": 500}


class AccountService:
    def __init__(self, repo: AccountRepository) -> None:
        self.repo = repo
        self._billing: BillingService | None = None

    def attach_billing(self, billing: BillingService) -> None:
        """Billing is optional (self-hosted installs run without it)."""
        self._billing = billing

    def sign_up(self, account_id: int, name: str) -> Account:
        return self.repo.add(Account(account_id, name))

    def change_plan(self, account_id: int, plan: str) -> Account:
        account = self.repo.get(account_id)
        if account is None:
            raise LookupError(account_id)
        if plan not in PLANS:
            raise ValueError(f"unknown plan {plan}")
        account.plan = plan
        account.seats = min(account.seats, PLANS[plan])
        if self._billing is not None:
            self._billing.plan_changed(account)
        return account
