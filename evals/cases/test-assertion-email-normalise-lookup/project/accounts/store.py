from __future__ import annotations

from dataclasses import dataclass
from itertools import count


@dataclass
class Account:
    id: int
    email: str
    display_name: str


class AccountStore:
    def __init__(self) -> None:
        self._by_email: dict[str, Account] = {}
        self._ids = count(1)

    def add(self, email: str, display_name: str) -> Account:
        if email in self._by_email:
            raise KeyError(email)
        account = Account(next(self._ids), email, display_name)
        self._by_email[email] = account
        return account

    def get(self, email: str) -> Account | None:
        return self._by_email.get(email)
