"""Post-deploy smoke check: seed a notebook, then read it back through the API."""

from __future__ import annotations

import sys

from fastapi.testclient import TestClient

from app.db import get_db
from app.main import app
from app.models import Note, Notebook


def seed() -> int:
    with get_db() as db:
        book = Notebook(title="smoke", notes=[Note(body="hello", pinned=True), Note(body="world")])
        db.add(book)
        db.commit()
        return book.id


def main() -> int:
    notebook_id = seed()
    client = TestClient(app)
    response = client.get(f"/notebooks/{notebook_id}/notes")
    response.raise_for_status()
    print(f"smoke ok: {len(response.json())} notes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
