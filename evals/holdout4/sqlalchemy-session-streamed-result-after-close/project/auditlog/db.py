from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker


class Base(DeclarativeBase):
    pass


def make_session_factory(url: str, *, echo: bool = False) -> sessionmaker:
    engine = create_engine(url, echo=echo)
    Base.metadata.create_all(engine)
    return sessionmaker(bind=engine, expire_on_commit=False)
