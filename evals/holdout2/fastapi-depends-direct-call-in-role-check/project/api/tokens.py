"""Opaque API tokens (a table in production, a dict here)."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from api.models import User


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TokenStore:
    def __init__(self) -> None:
        self._by_digest: dict[str, User] = {}

    def issue(self, token: str, user: User) -> None:
        self._by_digest[_digest(token)] = user

    def lookup(self, token: str) -> User | None:
        return self._by_digest.get(_digest(token))


@lru_cache(maxsize=1)
def get_token_store() -> TokenStore:
    store = TokenStore()
    store.issue("tok-alice", User(1, "alice@example.com", frozenset({"admin"})))
    store.issue("tok-bob", User(2, "bob@example.com"))
    return store
