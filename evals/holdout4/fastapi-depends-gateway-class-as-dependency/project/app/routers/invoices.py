from fastapi import APIRouter

from app.deps import DbSession, Gateway
from app.models import Invoice
from app.schemas import InvoiceOut
from app.billing import collect_invoice

router = APIRouter(prefix="/invoices", tags=["invoices"])


@router.get("/{number}", response_model=InvoiceOut)
def read_invoice(number: str, db: DbSession) -> Invoice:
    return db.query(Invoice).filter_by(number=number).one()


@router.post("/{number}/pay", response_model=InvoiceOut)
def pay_invoice(number: str, db: DbSession, gateway: Gateway) -> Invoice:
    return collect_invoice(db, gateway, number)
