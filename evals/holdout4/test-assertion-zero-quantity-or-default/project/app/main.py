from fastapi import FastAPI, HTTPException

from app.catalog import UnknownSku
from app.pricing import build_quote
from app.schemas import Quote, QuoteRequest

app = FastAPI(title="storefront-quotes")


@app.post("/quotes", response_model=Quote)
def create_quote(request: QuoteRequest) -> Quote:
    try:
        return build_quote(request.lines)
    except UnknownSku as exc:
        raise HTTPException(status_code=422, detail=f"unknown sku {exc.sku}") from None
