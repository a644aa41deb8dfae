from typing import Annotated

from fastapi import APIRouter, Depends

from app.deps import DbSession, get_payment_gateway
from app.models import Invoice
from app.payments import PaymentGateway
from app.schemas import InvoiceOut
from app.billing import refund_invoice

router = APIRouter(prefix="/refunds", tags=["refunds"])


@router.post("/{number}", response_model=InvoiceOut)
def create_refund(
    number: str,
    db: DbSession,
    gateway: Annotated[PaymentGateway, Depends(get_payment_gateway)],
) -> Invoice:
    return refund_invoice(db, gateway, number)
