from sqlalchemy import MetaData, create_engine
from sqlalchemy.engine import Engine

from inventory.settings import database_url

metadata = MetaData()


def connect() -> Engine:
    return create_engine(database_url(), pool_size=3, max_overflow=0)
