from fastapi import FastAPI, HTTPException

from store.schemas import CartIn, PriceOut
from store.services.catalog import UnknownSku
from store.services.pricing import price_cart

app = FastAPI(title="store")


@app.post("/cart/price", response_model=PriceOut)
def price(cart: CartIn) -> PriceOut:
    try:
        return price_cart(cart)
    except UnknownSku as exc:
        raise HTTPException(status_code=404, detail=f"unknown sku {exc}") from None
