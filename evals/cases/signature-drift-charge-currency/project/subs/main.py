"""`python -m subs.main`: run tonight's renewals against the fixture accounts."""

from __future__ import annotations

import logging
from datetime import date

from subs import renewals
from subs.models import Subscription

TODAY = date(2024, 6, 1)

SUBSCRIPTIONS = [
    Subscription(1, "cus_A1", "team", 4900, "EUR", date(2024, 6, 1)),
    Subscription(2, "cus_B7", "starter", 1900, "GBP", date(2024, 6, 14)),
    Subscription(3, "cus_C3", "team", 4900, "USD", date(2024, 5, 31)),
]

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    charges = renewals.run(SUBSCRIPTIONS, TODAY)
    print(f"charged {len(charges)} subscriptions")
