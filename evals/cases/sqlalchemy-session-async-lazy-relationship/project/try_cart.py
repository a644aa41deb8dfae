from fastapi.testclient import TestClient

from app.main import app

with TestClient(app) as client:
    print(client.get("/carts/3").json())
