"""Push the spreadsheet's price changes to the pricing API (in-process for the dry run)."""

import csv
import io

from fastapi.testclient import TestClient

from pricing_api.app import app
from tools.client import PricingClient
from tools.payloads import price_payload

SHEET = """sku,price,currency,note
MUG-01,12.90,eur,summer sale
LAMP-3,89.00,EUR,
"""


def main() -> None:
    client = PricingClient(TestClient(app))
    for row in csv.DictReader(io.StringIO(SHEET)):
        result = client.set_price(row["sku"], price_payload(row))
        print("updated", result["sku"], result["amount_cents"])


if __name__ == "__main__":
    main()
