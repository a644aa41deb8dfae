from __future__ import annotations

from collections.abc import Callable

from rates.models import Parcel, RateQuote

QuoteFn = Callable[[Parcel], RateQuote]
REGISTRY: dict[str, QuoteFn] = {}


def carrier(name: str) -> Callable[[QuoteFn], QuoteFn]:
    def register(fn: QuoteFn) -> QuoteFn:
        REGISTRY[name] = fn
        return fn

    return register


def load_all() -> dict[str, QuoteFn]:
    from rates.carriers import fedex, ups  # noqa: F401  (registration side effect)

    return REGISTRY
