"""Import a bank statement: all rows or none."""

from datetime import date

from sqlalchemy.orm import Session

from ledger.models import Entry


def parse_row(row: dict) -> Entry:
    return Entry(
        booked_on=date.fromisoformat(row["date"]),
        account=row["account"],
        amount_cents=round(float(row["amount"]) * 100),
        memo=row.get("memo", ""),
    )


def import_statement(session: Session, rows: list[dict]) -> int:
    entries = [parse_row(r) for r in rows]
    with session.begin():
        session.add_all(entries)
    return len(entries)
