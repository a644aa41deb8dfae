from fastapi import APIRouter, HTTPException
from fastapi.responses import PlainTextResponse

from app.repositories.invoices import get_invoice
from app.services.rendering import render_invoice

router = APIRouter(prefix="/invoices")


@router.get("/{invoice_id}.txt", response_class=PlainTextResponse)
def invoice_text(invoice_id: int) -> str:
    invoice = get_invoice(invoice_id)
    if invoice is None:
        raise HTTPException(404, "no such invoice")
    return render_invoice(invoice)
