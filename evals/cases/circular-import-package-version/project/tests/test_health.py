from fastapi.testclient import TestClient

from inventory import __version__, create_app


def test_healthz_reports_version():
    client = TestClient(create_app())
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["version"] == __version__
