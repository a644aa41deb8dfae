from fastapi.testclient import TestClient

from billing.api import app

if __name__ == "__main__":
    client = TestClient(app)
    for path in ("/plans", "/banner"):
        response = client.get(path)
        print(path, response.status_code, response.json())
