"""python -m ledger.run: capture today's orders, then let accounting drain the topic."""

from __future__ import annotations

import sys

from ledger import bus, consumer, publisher
from ledger.journal import Journal
from ledger.orders import todays_orders


def main() -> int:
    for n, order in enumerate(todays_orders(), 1):
        publisher.announce(order, payment_id=f"pay_{n:04d}")
    journal = Journal()
    for message in bus.consume(publisher.TOPIC):
        consumer.handle(message, journal)
    for account, cents in sorted(journal.balances().items()):
        print(f"{account:<20} {cents / 100:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
