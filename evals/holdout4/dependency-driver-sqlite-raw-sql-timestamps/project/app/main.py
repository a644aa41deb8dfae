from datetime import datetime, timezone

from fastapi import Depends, FastAPI, Query
from sqlalchemy.orm import Session

from app import settings
from app.activity import last_seen_by_user
from app.db import get_session
from app.reports import DormantReport, dormant_accounts

app = FastAPI(title="accounts")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@app.get("/admin/reports/dormant", response_model=DormantReport)
def dormant_report(
    days: int = Query(settings.DORMANT_AFTER_DAYS, ge=1),
    session: Session = Depends(get_session),
    now: datetime = Depends(utcnow),
) -> DormantReport:
    return dormant_accounts(last_seen_by_user(session), as_of=now, threshold_days=days)
