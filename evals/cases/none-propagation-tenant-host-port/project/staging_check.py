"""Staging runs behind the load balancer on port 8443; hit the storefront as it does."""

from fastapi.testclient import TestClient

from store.main import create_app

client = TestClient(create_app())
print(client.get("/products", headers={"Host": "shop.example.de"}).json(), flush=True)
print(client.get("/products", headers={"Host": "shop.example.co.uk:8443"}).json())
