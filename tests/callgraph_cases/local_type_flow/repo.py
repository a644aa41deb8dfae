from __future__ import annotations

from typing import Optional


class Repo:
    def fetch(self, key):
        return key


class Service:
    def __init__(self, repo: Repo):
        self.repo = repo
        self.cache = Repo()

    def get(self, key):
        return self.repo.fetch(key) or self.cache.fetch(key)


def make_repo() -> Repo:
    return Repo()


def maybe_repo() -> Optional[Repo]:
    return None


def use(service: "Service", other: Repo | None):
    r = Repo()
    r.fetch(1)
    service.get(2)
    other.fetch(3)
    make_repo().fetch(4)
    m = maybe_repo()
    m.fetch(5)
