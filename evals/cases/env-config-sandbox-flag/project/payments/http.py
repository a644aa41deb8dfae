"""Request building for the provider's REST API (sending is done by the transport)."""

from dataclasses import dataclass


@dataclass
class PreparedRequest:
    method: str
    url: str
    headers: dict[str, str]
    json: dict


def auth_headers(api_key: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + api_key, "Content-Type": "application/json"}


def prepare(method: str, base: str, path: str, api_key: str, body: dict) -> PreparedRequest:
    return PreparedRequest(method, base.rstrip("/") + path, auth_headers(api_key), body)
