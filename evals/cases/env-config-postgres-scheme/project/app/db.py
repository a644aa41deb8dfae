from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from app.config import Settings


def make_engine(settings: Settings) -> Engine:
    kwargs = {"echo": settings.echo_sql, "pool_pre_ping": True}
    if not settings.database_url.startswith("sqlite"):
        kwargs["pool_size"] = settings.pool_size
    return create_engine(settings.database_url, **kwargs)


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, expire_on_commit=False)
