"""A local GitHub + GitLab API on 127.0.0.1 for the CI bot's tests.

Implements what the bot calls — list (paginated), create and update comments / MR notes — with
auth checked, scripted failures, and a record of every request received.

    GitHub (Enterprise-style base URL {url}/api/v3):
      GET   /repos/{owner}/{repo}/issues/{n}/comments?per_page&page   Link: <…>; rel="next"
      POST  /repos/{owner}/{repo}/issues/{n}/comments                 201
      PATCH /repos/{owner}/{repo}/issues/comments/{id}                 200 / 404
    GitLab ({url}/api/v4):
      GET   /projects/{id}/merge_requests/{iid}/notes?per_page&page   X-Next-Page
      POST  /projects/{id}/merge_requests/{iid}/notes                 201
      PUT   /projects/{id}/merge_requests/{iid}/notes/{note_id}       200 / 404
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

_GH_LIST = re.compile(r"^/api/v3/repos/([^/]+/[^/]+)/issues/(\d+)/comments$")
_GH_EDIT = re.compile(r"^/api/v3/repos/([^/]+/[^/]+)/issues/comments/(\d+)$")
_GL_LIST = re.compile(r"^/api/v4/projects/([^/]+)/merge_requests/(\d+)/notes$")
_GL_EDIT = re.compile(r"^/api/v4/projects/([^/]+)/merge_requests/(\d+)/notes/(\d+)$")


@dataclass
class Received:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-cased names
    body: Any


@dataclass
class ScriptedFailure:
    status: int
    method: str | None
    path_contains: str | None
    times: int

    def matches(self, method: str, path: str) -> bool:
        return (self.method in (None, method)) and (
            self.path_contains is None or self.path_contains in path
        )


@dataclass
class FakeForge:
    """Start with `with FakeForge() as forge:`; `forge.github_api` / `forge.gitlab_api` are bases."""

    token: str = "fake-forge-token-5f0c1d"
    max_per_page: int = 100
    requests: list[Received] = field(default_factory=list)
    github: dict[tuple[str, int], list[dict[str, Any]]] = field(default_factory=dict)
    gitlab: dict[tuple[str, int], list[dict[str, Any]]] = field(default_factory=dict)
    failures: list[ScriptedFailure] = field(default_factory=list)
    _next_id: int = 1000
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None, "server not started"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def github_api(self) -> str:
        return f"{self.url}/api/v3"

    @property
    def gitlab_api(self) -> str:
        return f"{self.url}/api/v4"

    def __enter__(self) -> FakeForge:
        handler = type("Handler", (_Handler,), {"forge": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    def fail(
        self, status: int, *, method: str | None = None, path: str | None = None, times: int = 10**6
    ) -> None:
        """Answer matching requests with `status` (the next `times` of them)."""
        self.failures.append(ScriptedFailure(status, method, path, times))

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def add_github_comment(self, repo: str, pr: int, body: str, login: str = "someone") -> int:
        cid = self.new_id()
        self.github.setdefault((repo, pr), []).append(
            {"id": cid, "body": body, "user": {"login": login}}
        )
        return cid

    def add_gitlab_note(self, project: str, iid: int, body: str, system: bool = False) -> int:
        nid = self.new_id()
        self.gitlab.setdefault((project, iid), []).append(
            {"id": nid, "body": body, "system": system}
        )
        return nid

    def writes(self) -> list[Received]:
        return [r for r in self.requests if r.method in ("POST", "PATCH", "PUT")]


class _Handler(BaseHTTPRequestHandler):
    forge: FakeForge

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(raw)

    def _handle(self) -> None:
        forge = self.forge
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else None
        headers = {k.lower(): v for k, v in self.headers.items()}
        with forge._lock:
            forge.requests.append(Received(self.command, parts.path, query, headers, body))
            for failure in forge.failures:
                if failure.times > 0 and failure.matches(self.command, parts.path):
                    failure.times -= 1
                    return self._send(failure.status, {"message": f"scripted {failure.status}"})
            if parts.path.startswith("/api/v3/"):
                return self._github(parts.path, query, headers, body)
            if parts.path.startswith("/api/v4/"):
                return self._gitlab(parts.path, query, headers, body)
        self._send(404, {"message": "Not Found"})

    def _page(self, items: list[dict[str, Any]], query: dict[str, str]) -> tuple[list[Any], int]:
        per_page = min(int(query.get("per_page", 30)), self.forge.max_per_page)
        page = int(query.get("page", 1))
        chunk = items[(page - 1) * per_page : page * per_page]
        more = page * per_page < len(items)
        return chunk, (page + 1 if more else 0)

    def _github(self, path: str, query: dict[str, str], headers: dict[str, str], body: Any) -> None:
        forge = self.forge
        if headers.get("authorization") not in (f"Bearer {forge.token}", f"token {forge.token}"):
            return self._send(401, {"message": "Bad credentials"})
        if body and len(body.get("body", "")) > 65_536:  # GitHub's limit, in characters
            return self._send(422, {"message": "Body is too long (maximum is 65536 characters)"})
        if m := _GH_LIST.match(path):
            comments = forge.github.setdefault((m.group(1), int(m.group(2))), [])
            if self.command == "GET":
                chunk, nxt = self._page(comments, query)
                extra = {}
                if nxt:
                    per_page = query.get("per_page", "30")
                    extra["Link"] = (
                        f"<{forge.github_api}{path.removeprefix('/api/v3')}"
                        f'?per_page={per_page}&page={nxt}>; rel="next"'
                    )
                return self._send(200, chunk, extra)
            if self.command == "POST":
                item = {"id": forge.new_id(), "body": body["body"], "user": {"login": "bot"}}
                comments.append(item)
                return self._send(201, item)
        if (m := _GH_EDIT.match(path)) and self.command == "PATCH":
            for (repo, _), comments in forge.github.items():
                for item in comments:
                    if repo == m.group(1) and item["id"] == int(m.group(2)):
                        item["body"] = body["body"]
                        return self._send(200, item)
        self._send(404, {"message": "Not Found"})

    def _gitlab(self, path: str, query: dict[str, str], headers: dict[str, str], body: Any) -> None:
        forge = self.forge
        if forge.token not in (headers.get("private-token"), headers.get("job-token")):
            return self._send(401, {"message": "401 Unauthorized"})
        if m := _GL_LIST.match(path):
            notes = forge.gitlab.setdefault((m.group(1), int(m.group(2))), [])
            if self.command == "GET":
                chunk, nxt = self._page(notes, query)
                return self._send(200, chunk, {"X-Next-Page": str(nxt) if nxt else ""})
            if self.command == "POST":
                item = {"id": forge.new_id(), "body": body["body"], "system": False}
                notes.append(item)
                return self._send(201, item)
        if (m := _GL_EDIT.match(path)) and self.command == "PUT":
            for item in forge.gitlab.get((m.group(1), int(m.group(2))), []):
                if item["id"] == int(m.group(3)):
                    item["body"] = body["body"]
                    return self._send(200, item)
        self._send(404, {"message": "404 Not found"})
