"""Webhooks from the payment provider (see their docs: event `payment.succeeded`)."""

from fastapi import APIRouter, Body, Depends
from sqlalchemy.orm import Session

from app.customers import upsert_from_payment
from app.db import get_session

router = APIRouter(prefix="/webhooks")


@router.post("/payments")
def payment_webhook(event: dict = Body(...), session: Session = Depends(get_session)) -> dict:
    if event.get("type") != "payment.succeeded":
        return {"ignored": event.get("type")}
    data = event["data"]
    email = data.get("customer_email")
    customer = upsert_from_payment(session, email, data["amount"])
    return {"customer": customer.id, "lifetime_cents": customer.lifetime_cents}
