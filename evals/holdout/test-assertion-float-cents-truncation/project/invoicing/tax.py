from __future__ import annotations

from decimal import Decimal

from invoicing.money import percent_of

VAT_RATES = {"DE": Decimal("19"), "FR": Decimal("20"), "NL": Decimal("21"), "IE": Decimal("23")}


def vat_cents(net_cents: int, country: str, *, business: bool = False) -> int:
    """VAT due on net_cents; B2B inside the EU is reverse-charged, exports are zero-rated."""
    if business or country not in VAT_RATES:
        return 0
    return percent_of(net_cents, VAT_RATES[country])
