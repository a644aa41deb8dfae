from fastapi import FastAPI

from ledger.api import router
from ledger.db import Base, engine


def create_app() -> FastAPI:
    Base.metadata.create_all(engine)
    app = FastAPI(title="ledger")
    app.include_router(router)
    return app
