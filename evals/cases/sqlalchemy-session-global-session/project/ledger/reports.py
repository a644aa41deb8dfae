from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ledger.models import Entry


def balances(session: Session) -> dict[str, int]:
    stmt = select(Entry.account, func.sum(Entry.amount_cents)).group_by(Entry.account)
    return {account: total for account, total in session.execute(stmt)}
