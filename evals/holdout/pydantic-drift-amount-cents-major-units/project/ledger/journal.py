"""Double-entry postings for the general ledger."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Posting:
    account: str
    debit_cents: int = 0
    credit_cents: int = 0


class Journal:
    def __init__(self) -> None:
        self.entries: list[tuple[str, list[Posting]]] = []

    def post(self, memo: str, postings: list[Posting]) -> None:
        debits = sum(p.debit_cents for p in postings)
        credits = sum(p.credit_cents for p in postings)
        if debits != credits:
            raise ValueError(f"unbalanced entry {memo!r}: {debits} != {credits}")
        self.entries.append((memo, postings))

    def balances(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for _, postings in self.entries:
            for p in postings:
                out[p.account] += p.debit_cents - p.credit_cents
        return dict(out)
