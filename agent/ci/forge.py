"""What the CI bot needs from a code forge: JSON over HTTP and one sticky comment per change.

ForgeError            any failed API call: status (0 when no response), a message safe to print
Forge (protocol)      list_comments / create_comment / update_comment
upsert_sticky()       find the comment carrying the marker and edit it, or create it once
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

MARKER = "<!-- debugai:ci -->"
USER_AGENT = "debugai-ci"
_RETRY_STATUSES = frozenset({500, 502, 503, 504})


class ForgeError(Exception):
    """An API call failed; the message names the call and the status, never the token."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class Comment:
    id: int
    body: str


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str]
    data: Any


@dataclass(slots=True)
class Http:
    """A tiny JSON client over urllib; auth headers are never forwarded on a redirect."""

    auth: dict[str, str]
    timeout: float = 30.0
    retries: int = 2
    backoff: float = 0.5
    extra_headers: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, url: str, body: dict[str, Any] | None = None) -> Response:
        data = None if body is None else json.dumps(body).encode("utf-8")
        for attempt in range(self.retries + 1):
            req = urllib.request.Request(url, data=data, method=method)
            req.add_header("User-Agent", USER_AGENT)
            req.add_header("Accept", "application/json")
            if data is not None:
                req.add_header("Content-Type", "application/json")
            for k, v in self.extra_headers.items():
                req.add_header(k, v)
            for k, v in self.auth.items():
                # Unredirected: a redirect to another host must not carry the token along.
                req.add_unredirected_header(k, v)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    raw = resp.read()
                    headers = {k.lower(): v for k, v in resp.headers.items()}
                    return Response(resp.status, headers, json.loads(raw) if raw else None)
            except urllib.error.HTTPError as exc:
                if exc.code in _RETRY_STATUSES and attempt < self.retries:
                    time.sleep(self.backoff * (2**attempt))
                    continue
                raise ForgeError(_describe(method, url, exc.code, exc.read()), exc.code) from None
            except (urllib.error.URLError, OSError, ValueError) as exc:
                if attempt < self.retries and not isinstance(exc, ValueError):
                    time.sleep(self.backoff * (2**attempt))
                    continue
                reason = getattr(exc, "reason", exc)
                raise ForgeError(f"{method} {_where(url)} failed: {reason}") from None
        raise AssertionError("unreachable")  # pragma: no cover


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


_HINTS = {
    401: "the token was rejected (missing or expired)",
    403: "the token may not write comments here (fork pull requests get a read-only token; "
    "grant `pull-requests: write`)",
    404: "not found: check the repository / project id and the pull or merge request number",
}


def _describe(method: str, url: str, status: int, raw: bytes) -> str:
    detail = ""
    try:
        payload = json.loads(raw)
        if isinstance(payload, dict):
            detail = str(payload.get("message") or payload.get("error") or "")[:200]
    except ValueError:
        pass
    hint = _HINTS.get(status, "")
    text = f"{method} {_where(url)} returned HTTP {status}"
    if detail:
        text += f": {detail}"
    if hint:
        text += f" ({hint})"
    return text


_LINK_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')


def next_link(link_header: str | None) -> str | None:
    """The rel="next" URL of an RFC 8288 Link header (GitHub's pagination)."""
    if not link_header:
        return None
    m = _LINK_NEXT.search(link_header)
    return m.group(1) if m else None


class Forge(Protocol):
    """The three calls a sticky comment needs."""

    name: str

    def list_comments(self) -> Iterator[Comment]: ...

    def create_comment(self, body: str) -> Comment: ...

    def update_comment(self, comment_id: int, body: str) -> Comment: ...


Action = Literal["created", "updated", "unchanged", "skipped"]


def is_ours(body: str, marker: str = MARKER) -> bool:
    """Our comment starts with the marker; a reply quoting it starts with '>' and is not ours."""
    return body.lstrip().startswith(marker)


def _same(posted: str, body: str) -> bool:
    """The forge stores what we sent, give or take line endings and trailing space."""

    def norm(text: str) -> str:
        return "\n".join(ln.rstrip() for ln in text.replace("\r\n", "\n").strip().split("\n"))

    return norm(posted) == norm(body)


def upsert_sticky(
    forge: Forge, body: str, *, marker: str = MARKER, create: bool = True
) -> tuple[Action, int | None]:
    """Edit the comment that carries the marker, or create it; never post a second one.

    With create=False (everything passes and nothing was ever posted) no comment is created.
    """
    if not is_ours(body, marker):
        body = f"{marker}\n{body}"
    for comment in forge.list_comments():
        if is_ours(comment.body, marker):
            if _same(comment.body, body):
                return "unchanged", comment.id
            return "updated", forge.update_comment(comment.id, body).id
    if not create:
        return "skipped", None
    return "created", forge.create_comment(body).id
