from collections.abc import Iterable
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import Row


class DormantAccount(BaseModel):
    user_id: int
    email: str
    plan: str
    last_seen: datetime
    idle_days: int


class DormantReport(BaseModel):
    as_of: datetime
    threshold_days: int
    accounts: list[DormantAccount]


def dormant_accounts(rows: Iterable[Row], as_of: datetime, threshold_days: int) -> DormantReport:
    accounts = []
    for row in rows:
        idle_days = (as_of - row.last_seen).days
        if idle_days < threshold_days:
            continue
        accounts.append(
            DormantAccount(
                user_id=row.user_id,
                email=row.email,
                plan=row.plan,
                last_seen=row.last_seen,
                idle_days=idle_days,
            )
        )
    return DormantReport(as_of=as_of, threshold_days=threshold_days, accounts=accounts)
