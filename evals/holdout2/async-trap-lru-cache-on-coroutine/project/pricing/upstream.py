"""The rates provider. Offline runs (CI, demos) answer from a recorded response."""

from __future__ import annotations

import json
import os

import httpx

RATES_URL = os.getenv("RATES_URL", "https://rates.internal/v1/latest")

_RECORDED = {
    "base": "EUR",
    "date": "2024-04-02",
    "rates": {"USD": "1.0783", "GBP": "0.8551", "CHF": "0.9761", "SEK": "11.5470"},
}


def _recorded(request: httpx.Request) -> httpx.Response:
    if request.url.params.get("base", "EUR") != "EUR":
        return httpx.Response(400, json={"error": "only EUR base is recorded"})
    return httpx.Response(200, content=json.dumps(_RECORDED), headers={"content-type": "application/json"})


def transport() -> httpx.AsyncBaseTransport:
    if os.getenv("RATES_OFFLINE", "1") == "1":
        return httpx.MockTransport(_recorded)
    return httpx.AsyncHTTPTransport(retries=2)
