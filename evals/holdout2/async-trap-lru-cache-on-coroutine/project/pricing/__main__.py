"""`python -m pricing GBP`: quote the demo cart in a currency."""

from __future__ import annotations

import asyncio
import json
import sys
from decimal import Decimal

from pricing.quote import CartLine, quote

DEMO_CART = [CartLine("kettle", Decimal("39.90")), CartLine("filters", Decimal("4.50"), 3)]


async def main(currency: str) -> None:
    print(json.dumps(await quote(DEMO_CART, currency), indent=2))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "USD"))
