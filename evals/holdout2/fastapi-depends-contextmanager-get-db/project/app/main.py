from __future__ import annotations

from fastapi import FastAPI

from app.db import Base, engine
from app.routes import router


def create_app() -> FastAPI:
    Base.metadata.create_all(engine)
    app = FastAPI(title="notes")
    app.include_router(router)
    return app


app = create_app()
