from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker

from catalog.settings import Settings


class Base(DeclarativeBase):
    pass


def make_session_factory(settings: Settings) -> sessionmaker:
    engine = create_engine(settings.db_url)
    Base.metadata.create_all(engine)
    return sessionmaker(bind=engine)
