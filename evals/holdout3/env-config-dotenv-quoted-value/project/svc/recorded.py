"""Recorded billing responses, served in dry-run mode instead of the real API."""

from __future__ import annotations

import httpx

RECORDED_HOST = "https://billing.internal.example"

_PAGES = {
    None: {"data": [{"id": "in_1", "amount_cents": 1200}, {"id": "in_2", "amount_cents": 4500}], "next_cursor": "c2"},
    "c2": {"data": [{"id": "in_3", "amount_cents": 990}], "next_cursor": None},
}


def _handler(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/invoices"):
        return httpx.Response(200, json=_PAGES[request.url.params.get("cursor")])
    return httpx.Response(404, json={"error": "not recorded"})


def mounts() -> dict[str, httpx.BaseTransport]:
    return {RECORDED_HOST: httpx.MockTransport(_handler)}
