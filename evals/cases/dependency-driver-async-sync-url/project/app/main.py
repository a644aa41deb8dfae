from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.api import router
from app.db import Base, build_engine, build_sessions


@asynccontextmanager
async def lifespan(app: FastAPI):
    engine = build_engine()
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    app.state.sessions = build_sessions(engine)
    yield
    await engine.dispose()


app = FastAPI(title="catalog", lifespan=lifespan)
app.include_router(router)
