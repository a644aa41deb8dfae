from fastapi import FastAPI

from app.api.shipments import router as shipments


def create_app() -> FastAPI:
    app = FastAPI(title="fulfilment")
    app.include_router(shipments)
    return app
