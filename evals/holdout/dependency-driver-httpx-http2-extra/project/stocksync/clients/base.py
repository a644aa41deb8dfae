"""Shared plumbing for the partner API clients: auth header, timeouts, connection reuse."""

from __future__ import annotations

from typing import Any

import httpx

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)
DEFAULT_LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=10)


class ApiError(RuntimeError):
    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"HTTP {status}: {body[:200]}")
        self.status = status


class ApiClient:
    """One pooled connection per partner; multiplexed so a sync run does not open 50 sockets."""

    user_agent = "stocksync/2.3"

    def __init__(self, base_url: str, token: str, *, timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> None:
        self._http = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}", "User-Agent": self.user_agent},
            timeout=timeout,
            limits=DEFAULT_LIMITS,
            http2=True,
        )

    def get_json(self, path: str, **params: Any) -> Any:
        resp = self._http.get(path, params=params)
        if resp.status_code >= 400:
            raise ApiError(resp.status_code, resp.text)
        return resp.json()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
