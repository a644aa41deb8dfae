"""Customer accounts as exported from the CRM."""

from dataclasses import dataclass


@dataclass
class Account:
    id: int
    email: str
    plan_code: str
    extra_seats: int = 0


def load_accounts():
    # Accounts migrated from the old CRM kept their capitalised plan codes.
    return [
        Account(1, "ana@example.com", "team"),
        Account(2, "bo@example.com", "starter", extra_seats=1),
        Account(3, "cy@example.com", "Business", extra_seats=3),
    ]
