from datetime import date

from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app import repository
from app.db import get_session
from app.reminders import Reminder, build_reminder

app = FastAPI(title="dunning")


@app.post("/reminders/preview", response_model=list[Reminder])
def preview_reminders(on: date, session: Session = Depends(get_session)) -> list[Reminder]:
    return [build_reminder(row, on) for row in repository.overdue_invoices(session, on)]


@app.get("/customers/{customer_id}/outstanding")
def outstanding(customer_id: int, session: Session = Depends(get_session)) -> dict[str, int]:
    return {"customer_id": customer_id, "amount_cents": repository.outstanding_total(session, customer_id)}
