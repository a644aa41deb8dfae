"""python -m exportsvc.smoke: call the WSGI app the way the reporting proxy does."""

from __future__ import annotations

import sys
from typing import Any
from wsgiref.util import setup_testing_defaults

from exportsvc.app import application

REQUESTS = [
    ("/orders", "customer=acme", "text/csv"),
    ("/orders", "", "*/*"),
    ("/orders", "customer=globex", "application/json;q=0.9, text/csv;q=0.5"),
]


def call(path: str, query: str, accept: str) -> tuple[str, bytes]:
    environ: dict[str, Any] = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_ACCEPT": accept}
    setup_testing_defaults(environ)
    seen: list[str] = []
    body = b"".join(application(environ, lambda status, headers: seen.append(status)))
    return seen[0], body


def main() -> int:
    for path, query, accept in REQUESTS:
        status, body = call(path, query, accept)
        print(f"{accept!r:45} {status} {len(body)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
