from fastapi import FastAPI

from helpdesk.api.tickets import router as tickets
from helpdesk.db import Base, engine


def create_app() -> FastAPI:
    Base.metadata.create_all(engine)
    app = FastAPI(title="helpdesk")
    app.include_router(tickets)
    return app
