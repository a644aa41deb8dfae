from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from shipping.models import Quote

HANDLING_FEE = Decimal("0.90")


def with_handling(quote: Quote) -> Quote:
    amount = (quote.amount + HANDLING_FEE).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return quote.model_copy(update={"amount": amount})


def cheapest(quotes: Iterable[Quote], max_transit_days: int | None = None) -> Quote:
    candidates = list(quotes)
    if max_transit_days is not None:
        candidates = [q for q in candidates if q.transit_days <= max_transit_days]
    if not candidates:
        raise LookupError("no carrier can deliver in time")
    return min(candidates, key=lambda q: (q.amount, q.transit_days))
