"""Common plumbing for service clients: auth header, request ids, error mapping."""

from __future__ import annotations

import itertools

import httpx

from app.clients.errors import UpstreamError

DEFAULT_HEADERS = {"User-Agent": "portal-backend/3.2", "Accept": "application/json"}

_request_ids = itertools.count(1)


class ServiceClient:
    name = "service"
    base_url = ""

    def __init__(self, api_key: str, transport: httpx.BaseTransport | None = None) -> None:
        self.headers = DEFAULT_HEADERS
        self.headers["Authorization"] = f"Bearer {api_key}"
        self._http = httpx.Client(base_url=self.base_url, transport=transport, timeout=3.0)

    def _get(self, path: str, **params: object) -> dict:
        headers = {**self.headers, "X-Request-Id": f"req-{next(_request_ids):05d}"}
        response = self._http.get(path, params=params, headers=headers)
        try:
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            raise UpstreamError(self.name, response.status_code, response.json().get("error", "")) from exc
        return response.json()

    def close(self) -> None:
        self._http.close()
