import pytest
from fastapi.testclient import TestClient

from app.db import Base, SessionLocal, engine
from app.main import app
from app.models import Project, Task


@pytest.fixture()
def client():
    Base.metadata.create_all(engine)
    with SessionLocal() as session:
        alpha = Project(tenant="acme", name="Alpha")
        beta = Project(tenant="acme", name="Beta", archived=True)
        other = Project(tenant="globex", name="Gamma")
        session.add_all([alpha, beta, other])
        session.flush()
        session.add_all(
            [
                Task(tenant="acme", project_id=alpha.id, title="spec"),
                Task(tenant="acme", project_id=alpha.id, title="build", done=True),
                Task(tenant="globex", project_id=other.id, title="ship"),
            ]
        )
        session.commit()
    with TestClient(app) as c:
        yield c
    Base.metadata.drop_all(engine)
