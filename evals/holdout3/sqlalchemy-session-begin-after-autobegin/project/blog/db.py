from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Session


class Base(DeclarativeBase):
    pass


def make_engine(url: str = "sqlite://"):
    engine = create_engine(url)
    from blog import models  # noqa: F401

    Base.metadata.create_all(engine)
    return engine


def new_session(engine) -> Session:
    return Session(engine, expire_on_commit=False)
