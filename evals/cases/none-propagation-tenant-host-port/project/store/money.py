SYMBOLS = {"EUR": "€", "GBP": "£", "CHF": "CHF "}


def format_price(minor: int, currency: str) -> str:
    return f"{SYMBOLS.get(currency, currency + ' ')}{minor / 100:.2f}"
