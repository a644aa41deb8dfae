"""Render invoice 7 through the API (used when support reports a broken invoice)."""

from fastapi.testclient import TestClient

from app.main import create_app
from app.seed import seed

seed()
client = TestClient(create_app())
print(client.get("/invoices/7.txt").text)
