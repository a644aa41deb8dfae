from __future__ import annotations

from fastapi import FastAPI, HTTPException

from promo.catalog import UnknownCoupon
from promo.pricing import quote
from promo.schemas import CartIn, QuoteOut

app = FastAPI(title="promo")


@app.post("/quote", response_model=QuoteOut)
def post_quote(cart: CartIn) -> QuoteOut:
    try:
        return quote(cart)
    except UnknownCoupon as exc:
        raise HTTPException(status_code=404, detail=f"unknown coupon {exc}") from None
