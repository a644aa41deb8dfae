from __future__ import annotations

from crm.models import Account


class Notifier:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def plan_changed(self, account: Account) -> None:
        for contact in account.contacts:
            self.sent.append((contact, f"{account.name} is now on the {account.plan} plan"))
