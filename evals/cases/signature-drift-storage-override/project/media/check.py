"""`python -m media.check`: upload a 1x1 PNG through the API."""

from __future__ import annotations

import base64

from fastapi.testclient import TestClient

from media.api import app

PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)

if __name__ == "__main__":
    client = TestClient(app)
    body = {"content_type": "image/png", "data_b64": base64.b64encode(PIXEL).decode()}
    resp = client.put("/users/42/avatar", json=body)
    print(resp.status_code, resp.json())
