"""Post-deploy smoke test: health, then one avatar upload."""

from fastapi.testclient import TestClient

from app.api import app

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def main() -> None:
    client = TestClient(app)
    health = client.get("/healthz")
    print("healthz", health.status_code, health.json())
    response = client.put("/users/42/avatar", content=PNG, headers={"content-type": "image/png"})
    print("upload", response.status_code, response.json())


if __name__ == "__main__":
    main()
