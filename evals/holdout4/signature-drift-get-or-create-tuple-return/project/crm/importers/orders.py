import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.customers import customer_for_email
from crm.models import Order


def _known_refs(session: Session) -> set[str]:
    return set(session.scalars(select(Order.external_ref)))


def import_orders(session: Session, path: Path) -> int:
    seen = _known_refs(session)
    imported = 0
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ref = row["order_ref"].strip()
            if ref in seen:
                continue
            customer = customer_for_email(session, row["email"])
            session.add(
                Order(
                    external_ref=ref,
                    customer_id=customer.id,
                    placed_on=date.fromisoformat(row["placed_on"]),
                    total=Decimal(row["total"]),
                )
            )
            seen.add(ref)
            imported += 1
    session.flush()
    return imported
