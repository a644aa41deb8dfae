from fastapi import FastAPI

from app.api.invoices import router as invoices


def create_app() -> FastAPI:
    app = FastAPI(title="billing")
    app.include_router(invoices)
    return app
