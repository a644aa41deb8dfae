"""The ASGI app: `uvicorn shop.main:app`."""

from fastapi import FastAPI

from shop.api import router
from shop.seed import seed


def create_app() -> FastAPI:
    app = FastAPI(title="shop")
    app.include_router(router)
    seed()
    return app


app = create_app()
