from fastapi import FastAPI

from app.db import Base, engine
from app.webhooks import router


def create_app() -> FastAPI:
    Base.metadata.create_all(engine)
    app = FastAPI()
    app.include_router(router)
    return app
