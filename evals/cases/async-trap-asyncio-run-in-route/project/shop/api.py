from __future__ import annotations

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from shop.catalog import PRODUCTS
from shop.pricing import quote_cart

app = FastAPI(title="shop")


class QuoteRequest(BaseModel):
    items: dict[str, int]
    currency: str = "EUR"


@app.post("/quote")
async def quote(req: QuoteRequest) -> dict[str, str]:
    unknown = sorted(set(req.items) - set(PRODUCTS))
    if unknown:
        raise HTTPException(status_code=404, detail=f"unknown sku: {', '.join(unknown)}")
    return quote_cart(req.items, req.currency)
