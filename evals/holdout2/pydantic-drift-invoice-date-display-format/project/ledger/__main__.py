"""`python -m ledger`: issue the demo invoices and let accounting book them."""

from __future__ import annotations

from ledger import bus, consumer  # noqa: F401  (consumer registers its handlers)
from ledger.formatting import money
from ledger.producer import demo_invoices

invoices = demo_invoices()
print(f"issued {len(invoices)} invoices")
bus.drain()
for customer, amount in sorted(consumer.RECEIVABLES.items()):
    print(f"{customer}: {money(amount, 'GBP')}")
