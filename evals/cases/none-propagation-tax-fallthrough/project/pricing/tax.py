"""VAT rates by destination country."""

from decimal import Decimal

EU_STANDARD = {
    "AT": Decimal("0.20"),
    "BE": Decimal("0.21"),
    "DE": Decimal("0.19"),
    "ES": Decimal("0.21"),
    "FR": Decimal("0.20"),
    "IT": Decimal("0.22"),
    "NL": Decimal("0.21"),
    "PT": Decimal("0.23"),
}
REDUCED_CATEGORIES = {"books", "food"}


def vat_rate(country: str, category: str = "general"):
    """The VAT rate that applies to goods of this category shipped to country."""
    if country in EU_STANDARD:
        if category in REDUCED_CATEGORIES:
            return EU_STANDARD[country] / 2
        return EU_STANDARD[country]
    elif country == "CH":
        return Decimal("0.081")
    elif country == "GB":
        return Decimal("0.20")
