"""Create the schema and a first account: `python -m app.main`."""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.accounts import sign_up
from app.models import Base
from app.settings import settings


def main() -> None:
    engine = create_engine(settings.database_url)
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        account = sign_up(session, "Owner@Example.com")
        print(f"created account {account.id} on plan {account.plan.value}")


if __name__ == "__main__":
    main()
