"""Run the API: `python -m store.server` (uvicorn in production, a local check here)."""

from fastapi.testclient import TestClient

from store.api import app

if __name__ == "__main__":
    client = TestClient(app)
    print(client.post("/cart/price", json={"lines": [{"sku": "MUG-01", "quantity": 2}]}).json())
