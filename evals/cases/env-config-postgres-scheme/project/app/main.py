from fastapi import FastAPI

from app.config import get_settings
from app.db import make_engine, make_sessionmaker
from app.routes import router


def create_app() -> FastAPI:
    settings = get_settings()
    app = FastAPI(title=settings.app_name)
    engine = make_engine(settings)
    app.state.sessions = make_sessionmaker(engine)
    app.include_router(router)
    return app


app = create_app()
