from __future__ import annotations

from collections.abc import Iterator

from mailer.templates import build_message

JOBS = [
    {"kind": "receipt", "to": "ana@example.com", "ctx": {"order_id": "A-17", "total": "$39.96"}},
    {"kind": "welcome", "to": "li@example.com", "ctx": {"name": "Li"}},
    {"kind": "receipt", "to": "li@example.com", "ctx": {"order_id": "A-18", "total": "$12.00"}},
]


def pending() -> Iterator[dict]:
    for job in JOBS:
        yield build_message(job["kind"], job["to"], job["ctx"])
