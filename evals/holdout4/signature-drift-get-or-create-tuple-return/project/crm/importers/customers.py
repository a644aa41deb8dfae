import csv
from pathlib import Path

from sqlalchemy.orm import Session

from crm.crud import get_or_create
from crm.customers import normalise_email
from crm.models import Customer


def import_customers(session: Session, path: Path) -> tuple[int, int]:
    created = updated = 0
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            customer, is_new = get_or_create(
                session,
                Customer,
                email=normalise_email(row["email"]),
                defaults={"name": row["name"], "country": row["country"] or None},
            )
            if is_new:
                created += 1
            else:
                customer.name = row["name"] or customer.name
                customer.country = row["country"] or customer.country
                updated += 1
    session.flush()
    return created, updated
