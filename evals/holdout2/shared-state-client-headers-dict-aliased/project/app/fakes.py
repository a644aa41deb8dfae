"""Recorded upstreams for offline runs: each service checks its own API key, like production."""

from __future__ import annotations

import httpx

KEYS = {"billing.internal": "bill-dev-key", "search.internal": "search-dev-key"}


def _handler(request: httpx.Request) -> httpx.Response:
    expected = KEYS.get(request.url.host)
    if request.headers.get("Authorization") != f"Bearer {expected}":
        return httpx.Response(401, json={"error": "invalid api key"})
    if request.url.path.endswith("/invoices"):
        return httpx.Response(200, json={"data": [{"id": "in_1", "amount_cents": 4900, "status": "open"}]})
    if request.url.path.endswith("/balance"):
        return httpx.Response(200, json={"cents": -4900})
    if request.url.path.endswith("/documents"):
        return httpx.Response(200, json={"hits": [{"id": "doc_7", "title": "Q1 contract"}]})
    return httpx.Response(404, json={"error": "not found"})


def transport() -> httpx.BaseTransport:
    return httpx.MockTransport(_handler)
