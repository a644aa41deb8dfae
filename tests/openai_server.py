"""A scripted OpenAI-compatible HTTP server on 127.0.0.1 for tests (chat completions only).

The real `openai` client talks to it over HTTP. Each test pushes the steps the server plays, in
order, one per POST /v1/chat/completions, and reads back the requests it actually received:

    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content='{"root_cause": ...}'))
        srv.push(Reply(tool_calls=[ToolCall("read_span", {"file": "a.py", "start": 1, "end": 9})]))
        srv.push(Error(429, headers={"Retry-After": "1"}), Reply(content="..."))
        client = OpenAI(base_url=srv.base_url, api_key="test")
        ...
        srv.requests[0].body["messages"]

Steps: `Reply` (content and/or tool calls; streamed as SSE when the request asks `stream`),
`Error` (status, JSON body, headers), `Delay` (sleep, then play a step), `Hangup` (close the
connection without answering), `Raw` (any bytes, optionally trickled), or any callable
taking the request body and returning a step.
`supports_tools` / `supports_json_schema` / `supports_json_object` = False make the server
answer 400 to requests using that feature, without consuming a step, like a server that lacks
it. An exhausted script answers 500 "script exhausted", so a test that under-scripts fails.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeAlias


@dataclass
class ToolCall:
    name: str
    arguments: dict[str, Any] | str  # a str is sent verbatim (malformed arguments)
    id: str | None = None


@dataclass
class Reply:
    content: str | None = None
    tool_calls: list[ToolCall] = field(default_factory=list)
    finish_reason: str | None = None  # default: "tool_calls" when there are some, else "stop"
    prompt_tokens: int = 50
    completion_tokens: int = 20
    model: str = "scripted-model"


@dataclass
class Error:
    status: int
    message: str = "scripted error"
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None


@dataclass
class Delay:
    seconds: float
    then: Step


@dataclass
class Hangup:
    """Close the connection without a response."""


@dataclass
class Raw:
    """Any bytes with a status: a proxy's HTML page, truncated JSON, a huge body. With `trickle`
    set, the body goes out one byte at a time, that many seconds apart (headers at once)."""

    body: bytes
    status: int = 200
    content_type: str = "application/json"
    trickle: float = 0.0


Step: TypeAlias = "Reply | Error | Delay | Hangup | Raw | Callable[[dict[str, Any]], Step]"


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    raw: bytes
    at: float


class ScriptedOpenAIServer:
    """Plays scripted steps for chat completions and records every request."""

    def __init__(
        self,
        *,
        supports_tools: bool = True,
        supports_json_schema: bool = True,
        supports_json_object: bool = True,
    ) -> None:
        self.supports_tools = supports_tools
        self.supports_json_schema = supports_json_schema
        self.supports_json_object = supports_json_object
        self.requests: list[Received] = []
        self._script: deque[Step] = deque()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def chat_requests(self) -> list[Received]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    @property
    def remaining(self) -> int:
        return len(self._script)

    def push(self, *steps: Step) -> ScriptedOpenAIServer:
        with self._lock:
            self._script.extend(steps)
        return self

    def start(self) -> ScriptedOpenAIServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> ScriptedOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- wire ----------------------------------------------------------------------------------

    def _unsupported(self, body: dict[str, Any]) -> str | None:
        if body.get("tools") and not self.supports_tools:
            return "tools are not supported by this server"
        fmt = (body.get("response_format") or {}).get("type")
        if fmt == "json_schema" and not self.supports_json_schema:
            return "response_format type json_schema is not supported"
        if fmt == "json_object" and not self.supports_json_object:
            return "response_format type json_object is not supported"
        return None

    def _next_step(self, body: dict[str, Any]) -> Step:
        with self._lock:
            step: Step = self._script.popleft() if self._script else Error(500, "script exhausted")
        while callable(step) and not isinstance(step, (Reply, Error, Delay, Hangup, Raw)):
            step = step(body)
        return step

    def completion_json(self, reply: Reply) -> dict[str, Any]:
        message: dict[str, Any] = {"role": "assistant", "content": reply.content}
        if reply.tool_calls:
            message["tool_calls"] = [
                {
                    "id": tc.id or f"call_{next(self._ids)}",
                    "type": "function",
                    "function": {
                        "name": tc.name,
                        "arguments": tc.arguments
                        if isinstance(tc.arguments, str)
                        else json.dumps(tc.arguments),
                    },
                }
                for tc in reply.tool_calls
            ]
        return {
            "id": f"chatcmpl-{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": reply.model,
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "finish_reason": reply.finish_reason
                    or ("tool_calls" if reply.tool_calls else "stop"),
                }
            ],
            "usage": {
                "prompt_tokens": reply.prompt_tokens,
                "completion_tokens": reply.completion_tokens,
                "total_tokens": reply.prompt_tokens + reply.completion_tokens,
            },
        }

    def stream_chunks(self, reply: Reply, include_usage: bool) -> list[dict[str, Any]]:
        full = self.completion_json(reply)
        base = {k: full[k] for k in ("id", "created", "model")} | {
            "object": "chat.completion.chunk"
        }
        choice = full["choices"][0]
        chunks: list[dict[str, Any]] = [
            {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}
        ]
        text = reply.content or ""
        for i in range(0, len(text), 8):
            chunks.append(
                {**base, "choices": [{"index": 0, "delta": {"content": text[i : i + 8]}}]}
            )
        for n, tc in enumerate(choice["message"].get("tool_calls", [])):
            args = tc["function"]["arguments"]
            first = {
                "index": n,
                "id": tc["id"],
                "type": "function",
                "function": {"name": tc["function"]["name"], "arguments": ""},
            }
            chunks.append({**base, "choices": [{"index": 0, "delta": {"tool_calls": [first]}}]})
            for i in range(0, len(args), 16):
                part = {"index": n, "function": {"arguments": args[i : i + 16]}}
                chunks.append({**base, "choices": [{"index": 0, "delta": {"tool_calls": [part]}}]})
        chunks.append(
            {
                **base,
                "choices": [{"index": 0, "delta": {}, "finish_reason": choice["finish_reason"]}],
            }
        )
        if include_usage:
            chunks.append({**base, "choices": [], "usage": full["usage"]})
        return chunks

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

            def _send_json(
                self, status: int, payload: Any, headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                server.requests.append(
                    Received(
                        "GET",
                        self.path,
                        {k.lower(): v for k, v in self.headers.items()},
                        None,
                        b"",
                        time.time(),
                    )
                )
                if self.path.rstrip("/").endswith("/models"):
                    self._send_json(
                        200,
                        {
                            "object": "list",
                            "data": [
                                {"id": "scripted-model", "object": "model", "owned_by": "tests"}
                            ],
                        },
                    )
                else:
                    self._send_json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    body = json.loads(raw or b"null")
                except ValueError:
                    body = None
                server.requests.append(
                    Received(
                        "POST",
                        self.path,
                        {k.lower(): v for k, v in self.headers.items()},
                        body,
                        raw,
                        time.time(),
                    )
                )
                if not self.path.rstrip("/").endswith("/chat/completions") or not isinstance(
                    body, dict
                ):
                    self._send_json(404, {"error": {"message": f"no route {self.path}"}})
                    return
                problem = server._unsupported(body)
                if problem:
                    self._send_json(
                        400, {"error": {"message": problem, "type": "invalid_request_error"}}
                    )
                    return
                # A client that gave up (a timeout test) leaves nothing to answer.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._play(server._next_step(body), body)

            def _play(self, step: Step, body: dict[str, Any]) -> None:
                if isinstance(step, Delay):
                    time.sleep(step.seconds)
                    self._play(server._next_step_now(step.then, body), body)
                elif isinstance(step, Hangup):
                    self.close_connection = True
                    self.connection.close()
                elif isinstance(step, Raw):
                    self.send_response(step.status)
                    self.send_header("Content-Type", step.content_type)
                    self.send_header("Content-Length", str(len(step.body)))
                    self.end_headers()
                    if not step.trickle:
                        self.wfile.write(step.body)
                        return
                    for i in range(len(step.body)):
                        self.wfile.write(step.body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(step.trickle)
                elif isinstance(step, Error):
                    payload = step.body or {"error": {"message": step.message, "type": "scripted"}}
                    self._send_json(step.status, payload, step.headers)
                elif isinstance(step, Reply):
                    if body.get("stream"):
                        self._stream(
                            step, bool((body.get("stream_options") or {}).get("include_usage"))
                        )
                    else:
                        self._send_json(200, server.completion_json(step))

            def _stream(self, reply: Reply, include_usage: bool) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                for chunk in server.stream_chunks(reply, include_usage):
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        return Handler

    @staticmethod
    def _next_step_now(step: Step, body: dict[str, Any]) -> Step:
        while callable(step) and not isinstance(step, (Reply, Error, Delay, Hangup, Raw)):
            step = step(body)
        return step
