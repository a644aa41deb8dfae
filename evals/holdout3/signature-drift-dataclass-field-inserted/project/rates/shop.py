from __future__ import annotations

from rates.carriers import load_all
from rates.models import Parcel, RateQuote


def all_quotes(parcel: Parcel) -> list[RateQuote]:
    quotes = []
    for _, quote_fn in sorted(load_all().items()):
        quotes.append(quote_fn(parcel))
    return quotes


def cheapest(parcel: Parcel) -> RateQuote:
    return min(all_quotes(parcel), key=lambda q: q.amount_cents)
