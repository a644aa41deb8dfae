"""Exchange rates from the treasury feed (a fixed snapshot in this build)."""

from __future__ import annotations

from decimal import Decimal

from pricing.resilience import retry, timed

_SNAPSHOT: dict[tuple[str, str], Decimal] = {
    ("USD", "EUR"): Decimal("0.9213"),
    ("USD", "GBP"): Decimal("0.7894"),
    ("USD", "JPY"): Decimal("151.37"),
    ("USD", "CAD"): Decimal("1.3602"),
}


class UnknownCurrency(LookupError):
    """The feed has no rate for this pair."""


class RateClient:
    """Reads rates from the treasury feed; calls are retried on connection hiccups."""

    def __init__(self, feed: dict[tuple[str, str], Decimal] | None = None) -> None:
        self._feed = dict(_SNAPSHOT if feed is None else feed)
        self.calls = 0

    @timed
    @retry(times=3, backoff=0.05)
    def fetch_rate(self, base: str, quote: str) -> Decimal:
        """Units of quote per one unit of base."""
        self.calls += 1
        if base == quote:
            return Decimal(1)
        try:
            return self._feed[(base, quote)]
        except KeyError:
            raise UnknownCurrency(f"no rate for {base}->{quote}") from None

    def supported(self) -> list[str]:
        return sorted({quote for _, quote in self._feed})
