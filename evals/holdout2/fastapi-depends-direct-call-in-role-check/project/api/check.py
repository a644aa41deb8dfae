"""Release check: exercise the auth paths in-process, exit 1 on any 5xx."""

from __future__ import annotations

import logging
import sys

from fastapi.testclient import TestClient

from api import logs
from api.app import app

log = logging.getLogger("api")


def main() -> int:
    logs.configure()
    client = TestClient(app, raise_server_exceptions=False)
    alice = {"Authorization": "Bearer tok-alice"}
    checks = [
        ("GET", "/users/me", alice),
        ("GET", "/users/me", {}),
        ("POST", "/admin/users/2/disable", alice),
    ]
    failed = 0
    for method, path, headers in checks:
        status = client.request(method, path, headers=headers).status_code
        if status >= 500:
            log.error("check failed: %s %s -> %d", method, path, status)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
