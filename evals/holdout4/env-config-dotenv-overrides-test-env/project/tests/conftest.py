import os
import tempfile
from pathlib import Path

_tmp = Path(tempfile.mkdtemp(prefix="bookmarks-tests-"))
os.environ["DATABASE_URL"] = f"sqlite:///{_tmp / 'test.db'}"
os.environ["SECRET_KEY"] = "test-secret"
os.environ["PAGE_SIZE"] = "5"

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from app.main import app  # noqa: E402


@pytest.fixture
def client():
    with TestClient(app) as c:
        yield c
