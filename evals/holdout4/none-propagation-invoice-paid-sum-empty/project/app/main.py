from datetime import date

from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app.billing import build_statement
from app.db import get_session
from app.models import Customer
from app.schemas import Statement

app = FastAPI(title="billing")


def today() -> date:
    return date.today()


@app.get("/customers/{customer_id}/statement", response_model=Statement)
def customer_statement(
    customer_id: int,
    session: Session = Depends(get_session),
    as_of: date = Depends(today),
) -> Statement:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise HTTPException(status_code=404, detail="customer not found")
    return build_statement(session, customer, as_of)
