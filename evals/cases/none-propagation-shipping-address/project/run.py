"""Ship today's paid orders through the API."""

from fastapi.testclient import TestClient

from app import fixtures
from app.main import create_app

fixtures.load()
client = TestClient(create_app())
for order_id in (100, 101):
    r = client.post(f"/orders/{order_id}/shipment")
    print(order_id, r.status_code, r.json()["carrier"], flush=True)
