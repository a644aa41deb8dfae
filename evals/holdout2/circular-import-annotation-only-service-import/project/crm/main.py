"""`python -m crm.main`: a scripted upgrade, printing the invoice lines it produces."""

from __future__ import annotations

from crm.repository import AccountRepository
from crm.services import AccountService, BillingService


def main() -> None:
    accounts = AccountService(AccountRepository())
    billing = BillingService(accounts)
    accounts.sign_up(1, "Initech")
    accounts.change_plan(1, "team")
    for line in billing.lines:
        print(line)


if __name__ == "__main__":
    main()
