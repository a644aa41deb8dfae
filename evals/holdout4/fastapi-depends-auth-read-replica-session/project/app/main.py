from fastapi import FastAPI

from app.routers import catalog, orders

app = FastAPI(title="shop")
app.include_router(catalog.router)
app.include_router(orders.router)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
