from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    id: int
    email: str
    role: str = "customer"


_USERS = {
    1: User(1, "ana@example.com"),
    2: User(2, "ops@example.com", role="staff"),
}


def get_user(user_id: int) -> User | None:
    return _USERS.get(user_id)
