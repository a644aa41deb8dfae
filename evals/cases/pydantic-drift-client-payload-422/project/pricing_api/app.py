from fastapi import FastAPI

from pricing_api.schemas import PriceUpdate

app = FastAPI(title="pricing")
PRICES: dict[str, dict] = {}


@app.put("/prices/{sku}")
def put_price(sku: str, update: PriceUpdate) -> dict:
    PRICES[sku] = update.model_dump()
    return {"sku": sku, **PRICES[sku]}
