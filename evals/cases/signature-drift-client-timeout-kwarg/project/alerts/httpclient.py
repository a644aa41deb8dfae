"""Small JSON-over-HTTP client used for outbound webhooks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import httpx


@dataclass
class RetryPolicy:
    attempts: int = 3
    backoff_s: float = 0.5


class ApiClient:
    def __init__(
        self,
        base_url: str,
        *,
        timeout_s: float = 5.0,
        retry: RetryPolicy | None = None,
        headers: dict[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.retry = retry or RetryPolicy()
        self._http = httpx.Client(
            base_url=base_url,
            timeout=timeout_s,
            headers={"content-type": "application/json", **(headers or {})},
            transport=transport,
        )

    def post(self, path: str, payload: dict) -> dict:
        last: Exception | None = None
        for _ in range(self.retry.attempts):
            try:
                resp = self._http.post(path, content=json.dumps(payload))
                resp.raise_for_status()
                return resp.json()
            except httpx.TransportError as exc:
                last = exc
        raise RuntimeError(f"POST {path} failed after {self.retry.attempts} attempts") from last


@dataclass
class Recorder:
    """In-process stand-in for the webhook receiver (local runs and tests)."""

    received: list[dict] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.received.append(json.loads(request.content))
        return httpx.Response(202, json={"accepted": True})
