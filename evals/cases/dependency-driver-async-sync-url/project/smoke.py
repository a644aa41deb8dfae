"""Smoke test run by the deploy pipeline: start the app in-process and hit one route."""

from fastapi.testclient import TestClient

from app.main import app

with TestClient(app) as client:
    r = client.get("/products")
    print(r.status_code, r.json())
