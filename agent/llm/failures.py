"""How a model server says no: the errors the client raises, and the reading of error responses
(the server's own words, Retry-After in its three forms)."""

from __future__ import annotations

import contextlib
import email.utils
import time
from pathlib import Path
from typing import Any

import openai


class ModelCallError(Exception):
    """The model could not be used; the message says why, for the diagnosis' notes."""


class ToolsUnsupported(ModelCallError):
    """The server rejected tool specs; the caller should switch to a plain prompt loop."""


class RequestDumped(Exception):
    """--dump-request: the request was written to a file instead of being sent."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"request written to {path}; nothing was sent")
        self.path = path


def stream_status_text(exc: openai.APIStatusError, base_url: str, model: str) -> str:
    status = exc.status_code
    if status in (401, 403):
        return f"{base_url} refused the API key ({status}); check OPENAI_API_KEY"
    if status == 404:
        return f"model {model!r} or its endpoint not found at {base_url} (404)"
    return f"the server answered {status}: {error_text(exc)}"


class Downgrade(Exception):
    """Internal: the request changed shape for this server; send it again."""

    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.note = note


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds asked by `retry-after-ms` or `Retry-After` (seconds or an HTTP date), if any."""
    with contextlib.suppress(TypeError, ValueError):
        if headers.get("retry-after-ms"):
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    with contextlib.suppress(TypeError, ValueError):
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    return None


def error_text(exc: openai.APIStatusError) -> str:
    """The server's own words from an error response, cut to one short line."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])[:300]
        if isinstance(inner, str):
            return inner[:300]
    return str(exc.message)[:300]
