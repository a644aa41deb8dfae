"""Mirror billing invoices into the local ledger."""

from __future__ import annotations

import sys

from svc.billing import BillingClient
from svc.envfile import load_env_file
from svc.settings import from_env


def run() -> int:
    loaded = load_env_file(".env")
    settings = from_env()
    print(f"loaded {loaded} settings from .env; page size {settings.page_size}")
    client = BillingClient(settings)
    total = 0
    for invoice in client.invoices():
        total += invoice["amount_cents"]
    print(f"synced invoices totalling {total} cents")
    return 0


if __name__ == "__main__":
    sys.exit(run())
