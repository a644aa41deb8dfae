from __future__ import annotations

from fastapi import FastAPI

from inventory.routes import health, stock
from inventory.store import StockStore


def create_app(store: StockStore | None = None) -> FastAPI:
    app = FastAPI(title="inventory")
    app.state.store = store or StockStore()
    app.include_router(health.router)
    app.include_router(stock.router, prefix="/stock")
    return app
