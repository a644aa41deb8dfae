from __future__ import annotations

from crm.models import Account


class AccountRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Account] = {}

    def add(self, account: Account) -> Account:
        self._rows[account.id] = account
        return account

    def get(self, account_id: int) -> Account | None:
        return self._rows.get(account_id)

    def all(self) -> list[Account]:
        return sorted(self._rows.values(), key=lambda a: a.id)
