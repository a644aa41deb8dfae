from __future__ import annotations

import sys
from pathlib import Path

from crm.models import Contact
from crm.sources import partner_contacts
from crm.store import ContactStore


def seed(store: ContactStore) -> None:
    store.upsert(Contact(email="ana@acme.test", first_name="Ana", last_name="Lima", phone="+351 555 0101"))


def main() -> int:
    store = ContactStore()
    seed(store)
    created = sum(store.upsert(c) for c in partner_contacts(Path("data/partner_contacts.csv")))
    print(f"{created} new contacts, {len(store)} total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
