import os

# Tests run against an in-memory SQLite database instead of Postgres.
os.environ.setdefault("TASKS_DATABASE_URL", "sqlite://")

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from tasks.api import app  # noqa: E402


@pytest.fixture
def client():
    with TestClient(app) as c:
        yield c
