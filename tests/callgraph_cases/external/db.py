import os.path

import sqlalchemy.orm
from sqlalchemy import create_engine
from sqlalchemy.orm import Session


def connect(url: str, session: Session):
    engine = create_engine(url)
    engine.connect()
    session.execute("select 1")
    sqlalchemy.orm.sessionmaker()
    return os.path.join(url, "x")
