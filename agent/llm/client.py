"""A chat-completions client over the `openai` package that survives real servers.

What it adds to the SDK: secrets redacted from every message just before sending; structured
output with a JSON schema, falling back to JSON mode and then to plain text on servers that
reject them; tool specs dropped (ToolsUnsupported) on servers that reject tools; retries with
backoff on 429/5xx honouring Retry-After (capped: a long wait fails fast instead); a disk cache
keyed by a hash of the request; token, time and cost accounting; `--dump-request`.

`ChatModel` is the small protocol the engine talks to, so unit tests can script a model class.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import os
import random
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import httpx
import openai

from debugai.agent.redact import Redactor
from debugai.config import Config, Price

OUTPUT_MODES = ("json_schema", "json_object", "text")
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
CACHE_VERSION = 1
# A chat completion is a few KB; a reply past this is not one (a proxy's error page, a runaway
# server) and is not read further: 64 MB read whole and parsed peaked at 405 MB.
MAX_REPLY_BYTES = 8_000_000


class ModelCallError(Exception):
    """The model could not be used; the message says why, for the diagnosis' notes."""


class ToolsUnsupported(ModelCallError):
    """The server rejected tool specs; the caller should switch to a plain prompt loop."""


class RequestDumped(Exception):
    """--dump-request: the request was written to a file instead of being sent."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"request written to {path}; nothing was sent")
        self.path = path


@dataclass
class ChatRequest:
    messages: list[dict[str, Any]]
    schema: dict[str, Any] | None = None  # the answer's JSON schema, for json_schema mode
    schema_name: str = "diagnosis_answer"
    tools: list[dict[str, Any]] | None = None  # OpenAI function-tool specs
    max_tokens: int = 1024
    temperature: float = 0.0
    # time.monotonic() by which the whole run must be done (all steps, retries and repair).
    deadline: float | None = None


@dataclass
class ToolCallOut:
    id: str
    name: str
    arguments: str  # JSON text, as the model wrote it


@dataclass
class ChatReply:
    content: str | None
    tool_calls: list[ToolCallOut] = field(default_factory=list)
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cached: bool = False
    output_mode: str = "text"
    request: dict[str, Any] = field(default_factory=dict)  # the body as sent (redacted)
    response: dict[str, Any] = field(default_factory=dict)  # the raw completion JSON


class ChatModel(Protocol):
    """What the engine needs from a model; LLMClient over HTTP, or a scripted class in tests."""

    model: str

    def chat(self, req: ChatRequest, redactor: Redactor | None = None) -> ChatReply: ...


@dataclass
class ClientStats:
    calls: int = 0  # answers received (cached ones included)
    cache_hits: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cost_usd: float | None = None
    notes: list[str] = field(default_factory=list)


class LLMClient:
    """An OpenAI-compatible chat endpoint with fallbacks, retries, cache and accounting."""

    def __init__(
        self,
        *,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
        connect_timeout: float = 5.0,
        max_retries: int = 3,
        max_retry_wait: float = 30.0,
        output_mode: str = "auto",
        cache_dir: Path | None = None,
        dump_request: Path | None = None,
        price: Price | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_reply_bytes: int = MAX_REPLY_BYTES,
    ) -> None:
        self.model = model
        self.base_url = (base_url or "https://api.openai.com/v1").rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self.cache_dir = cache_dir
        self.dump_request = dump_request
        self.price = price
        self.max_reply_bytes = max_reply_bytes
        self.stats = ClientStats()
        self._sleep = sleep
        self._mode = (
            0 if output_mode in ("auto", "json_schema") else OUTPUT_MODES.index(output_mode)
        )
        self._token_param = "max_tokens"
        # Local servers want no key, but the SDK insists on one: send a harmless placeholder.
        self._client = openai.OpenAI(
            api_key=api_key or "no-key",
            base_url=self.base_url,
            max_retries=0,  # retries are ours: capped Retry-After, counted, and noted
            timeout=openai.Timeout(timeout, connect=connect_timeout),
        )

    @classmethod
    def from_config(
        cls, config: Config, *, model: str, base_url: str | None, api_key: str | None
    ) -> LLMClient:
        return cls(
            model=model,
            base_url=base_url,
            api_key=api_key,
            timeout=config.timeout,
            connect_timeout=config.connect_timeout,
            max_retries=config.max_retries,
            max_retry_wait=config.max_retry_wait,
            output_mode=config.output_mode,
            cache_dir=(config.cache_dir / "responses") if config.cache else None,
            dump_request=config.dump_request,
            price=config.price_for(model),
        )

    @property
    def output_mode(self) -> str:
        return OUTPUT_MODES[self._mode]

    def close(self) -> None:
        self._client.close()

    # -- one exchange ----------------------------------------------------------------------------

    def chat(self, req: ChatRequest, redactor: Redactor | None = None) -> ChatReply:
        """Send req (redacted) and return the reply; raises ModelCallError with a reason."""
        messages = redactor.redact_obj(req.messages) if redactor else req.messages
        while True:
            body = self._body(req, messages)
            if self.dump_request is not None:
                self._dump(body)
            cached = self._cache_get(body)
            if cached is not None:
                with contextlib.suppress(ModelCallError):  # a malformed entry is a miss
                    return self._reply(cached, body, seconds=0.0, cached=True)
            t0 = time.monotonic()
            try:
                raw = self._send(body, req.deadline)
            except _Downgrade as change:
                self.stats.notes.append(change.note)
                continue
            reply = self._reply(raw, body, seconds=time.monotonic() - t0, cached=False)
            self._cache_put(body, raw)
            return reply

    def _body(self, req: ChatRequest, messages: list[dict[str, Any]]) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": req.temperature,
            self._token_param: req.max_tokens,
        }
        mode = self.output_mode
        if mode == "json_schema" and req.schema is not None:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": req.schema_name, "schema": req.schema, "strict": False},
            }
        elif mode in ("json_schema", "json_object"):
            body["response_format"] = {"type": "json_object"}
        if req.tools:
            body["tools"] = req.tools
        return body

    def _send(self, body: dict[str, Any], deadline: float | None = None) -> dict[str, Any]:
        attempt = 0
        while True:
            try:
                return self._post(body, deadline)
            except openai.APITimeoutError:
                raise ModelCallError(f"the model did not answer within {self.timeout:g}s") from None
            except openai.APIConnectionError as exc:
                if attempt >= min(self.max_retries, 1):
                    cause = exc.__cause__ or exc
                    raise ModelCallError(
                        f"cannot reach {self.base_url} ({type(cause).__name__})"
                    ) from None
                wait = 0.5
            except openai.APIStatusError as exc:
                self._maybe_downgrade(exc, body)
                wait = self._retry_wait(exc, attempt)
            if deadline is not None and time.monotonic() + wait > deadline:
                raise ModelCallError(_past_deadline()) from None
            attempt += 1
            self.stats.retries += 1
            self._sleep(wait)

    def _post(self, body: dict[str, Any], deadline: float | None) -> dict[str, Any]:
        """One request; the reply read within the deadline and the size cap, parsed and checked.

        The read timeout is per read: a server that trickles a byte every few seconds never
        trips it. With a deadline the exchange runs in a daemon thread that is abandoned (and
        stops at its next byte) when the deadline passes.
        """
        if deadline is None:
            return self._fetch(body, None)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ModelCallError(_past_deadline())
        box: dict[str, Any] = {}

        def work() -> None:
            try:
                box["raw"] = self._fetch(body, deadline)
            except BaseException as exc:  # handed to the caller's thread as is
                box["error"] = exc

        worker = threading.Thread(target=work, name="debugai-model-call", daemon=True)
        worker.start()
        worker.join(remaining)
        if worker.is_alive():
            raise ModelCallError(_past_deadline())
        if "error" in box:
            raise box["error"]
        return dict(box["raw"])

    def _fetch(self, body: dict[str, Any], deadline: float | None) -> dict[str, Any]:
        cap = self.max_reply_bytes
        chunks: list[bytes] = []
        size = 0
        try:
            with self._client.chat.completions.with_streaming_response.create(**body) as resp:
                declared = resp.headers.get("content-length") or ""
                if declared.isdigit() and int(declared) > cap:
                    raise ModelCallError(_too_large(int(declared), cap))
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise ModelCallError(_too_large(size, cap))
                    if deadline is not None and time.monotonic() > deadline:
                        raise ModelCallError(_past_deadline())
                    chunks.append(chunk)
        except httpx.TimeoutException:
            raise ModelCallError(f"the model did not answer within {self.timeout:g}s") from None
        except httpx.TransportError as exc:
            raise ModelCallError(
                f"the connection to {self.base_url} broke mid-reply ({type(exc).__name__})"
            ) from None
        data = b"".join(chunks)
        try:
            raw = json.loads(data)
        except ValueError:
            raise ModelCallError(f"the server's reply is not JSON: {_preview(data)}") from None
        if not isinstance(raw, dict):
            raise ModelCallError(f"the server's reply is not a JSON object: {_preview(data)}")
        return raw

    def _retry_wait(self, exc: openai.APIStatusError, attempt: int) -> float:
        status = exc.status_code
        if status in (401, 403):
            raise ModelCallError(
                f"{self.base_url} refused the API key ({status}); check OPENAI_API_KEY"
            ) from None
        if status == 404:
            raise ModelCallError(
                f"model {self.model!r} or its endpoint not found at {self.base_url} (404)"
            ) from None
        if status not in RETRY_STATUSES and status < 500:
            raise ModelCallError(
                f"the server rejected the request ({status}: {error_text(exc)})"
            ) from None
        if attempt >= self.max_retries:
            raise ModelCallError(
                f"the server kept failing ({status}: {error_text(exc)}) after {attempt + 1} attempts"
            ) from None
        asked = retry_after_seconds(exc.response.headers)
        if asked is not None and asked > self.max_retry_wait:
            raise ModelCallError(
                f"rate limited: the server asked to retry after {asked:g}s (more than max_retry_wait={self.max_retry_wait:g}s)"
            ) from None
        backoff = min(8.0, 0.5 * 2**attempt) * (0.75 + random.random() / 2)
        return asked if asked is not None else backoff

    def _maybe_downgrade(self, exc: openai.APIStatusError, body: dict[str, Any]) -> None:
        """On 400/422/501 for a feature this server lacks, raise _Downgrade or ToolsUnsupported."""
        if exc.status_code not in (400, 422, 501):
            return
        text = error_text(exc).lower()
        if "tools" in body and re.search(r"\btool|function", text):
            raise ToolsUnsupported(
                f"the server does not support tool calls ({error_text(exc)})"
            ) from None
        if (
            self._token_param == "max_tokens"
            and "max_tokens" in text
            and "max_completion_tokens" in text
        ):
            self._token_param = "max_completion_tokens"
            raise _Downgrade("the server wants max_completion_tokens instead of max_tokens")
        # Only when the server names the feature: a 400 for, say, context length is not a downgrade.
        if (
            "response_format" in body
            and self._mode < len(OUTPUT_MODES) - 1
            and re.search(r"response_format|json|schema|format", text)
        ):
            old = self.output_mode
            self._mode += 1
            raise _Downgrade(
                f"the server rejected {old} output ({error_text(exc)}); using {self.output_mode}"
            )

    def _reply(
        self, raw: dict[str, Any], body: dict[str, Any], *, seconds: float, cached: bool
    ) -> ChatReply:
        choices = raw.get("choices")
        if not isinstance(choices, list):
            raise ModelCallError(
                f"the server's reply is not a chat completion (choices is {_shape(choices)})"
            )
        if not choices:
            raise ModelCallError("the server returned no choices")
        choice = choices[0]
        message = choice.get("message") if isinstance(choice, dict) else None
        if not isinstance(message, dict):
            raise ModelCallError(
                f"the server's reply is not a chat completion (message is {_shape(message)})"
            )
        calls = []
        tool_calls = message.get("tool_calls")
        for i, tc in enumerate(tool_calls if isinstance(tool_calls, list) else []):
            fn = tc.get("function") if isinstance(tc, dict) else None
            if not isinstance(fn, dict):
                continue
            args = fn.get("arguments")
            calls.append(
                ToolCallOut(
                    id=str(tc.get("id") or f"call_{i}"),
                    name=str(fn.get("name") or ""),
                    arguments=args if isinstance(args, str) else json.dumps(args or {}),
                )
            )
        usage = raw.get("usage")
        usage = usage if isinstance(usage, dict) else {}
        content = message.get("content")
        reply = ChatReply(
            content=content if content is None or isinstance(content, str) else str(content),
            tool_calls=calls,
            finish_reason=str(choice.get("finish_reason") or "") or None,
            prompt_tokens=_count(usage.get("prompt_tokens")),
            completion_tokens=_count(usage.get("completion_tokens")),
            seconds=seconds,
            cached=cached,
            output_mode=self.output_mode,
            request=body,
            response=raw,
        )
        stats = self.stats
        stats.calls += 1
        stats.cache_hits += cached
        stats.prompt_tokens += reply.prompt_tokens
        stats.completion_tokens += reply.completion_tokens
        stats.seconds += seconds
        if self.price is not None and not cached:
            cost = (
                reply.prompt_tokens * self.price.input + reply.completion_tokens * self.price.output
            ) / 1e6
            stats.cost_usd = (stats.cost_usd or 0.0) + cost
        return reply

    # -- cache and dump ----------------------------------------------------------------------------

    def request_key(self, body: dict[str, Any]) -> str:
        """Hash of what is sent and where (never the key): equal requests share a cached answer."""
        blob = json.dumps(
            {"v": CACHE_VERSION, "url": self.base_url, "body": body},
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(blob.encode()).hexdigest()

    def _cache_path(self, body: dict[str, Any]) -> Path | None:
        if self.cache_dir is None:
            return None
        key = self.request_key(body)
        return self.cache_dir / key[:2] / f"{key}.json"

    def _cache_get(self, body: dict[str, Any]) -> dict[str, Any] | None:
        path = self._cache_path(body)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # a corrupt entry is a miss, and is overwritten after the call
        return data if isinstance(data, dict) and data.get("choices") else None

    def _cache_put(self, body: dict[str, Any], raw: dict[str, Any]) -> None:
        path = self._cache_path(body)
        if path is None:
            return
        with contextlib.suppress(OSError):
            _atomic_write(path, json.dumps(raw, ensure_ascii=False))

    def _dump(self, body: dict[str, Any]) -> None:
        assert self.dump_request is not None
        payload = {
            "url": f"{self.base_url}/chat/completions",
            "headers": {
                "Authorization": "Bearer <OPENAI_API_KEY, not written>",
                "Content-Type": "application/json",
            },
            "body": body,
        }
        path = self.dump_request
        try:
            _atomic_write(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise ModelCallError(
                f"cannot write the request to {path}: {exc.strerror or exc}"
            ) from None
        raise RequestDumped(path)

    # -- streaming, for interactive front ends ---------------------------------------------------------

    def stream_text(
        self,
        messages: list[dict[str, Any]],
        *,
        max_tokens: int = 512,
        redactor: Redactor | None = None,
    ) -> Iterator[str]:
        """Yield the reply's text as it arrives (no tools, no cache, no retries)."""
        sent = redactor.redact_obj(messages) if redactor else messages
        try:
            completions: Any = self._client.chat.completions
            stream = completions.create(
                model=self.model, messages=sent, stream=True, max_tokens=max_tokens
            )
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
        except openai.APITimeoutError:
            raise ModelCallError(f"the model did not answer within {self.timeout:g}s") from None
        except openai.APIConnectionError:
            raise ModelCallError(f"cannot reach {self.base_url}") from None
        except openai.APIStatusError as exc:
            raise ModelCallError(
                f"the server rejected the request ({exc.status_code}: {error_text(exc)})"
            ) from None


class _Downgrade(Exception):
    """Internal: the request changed shape for this server; send it again."""

    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.note = note


def _past_deadline() -> str:
    return "the run's deadline passed before the model answered (deadline setting)"


def _too_large(size: int, cap: int) -> str:
    return f"the server's reply is over {cap / 1e6:g} MB ({size / 1e6:.1f} MB read); not a chat completion"


def _preview(data: bytes) -> str:
    text = " ".join(data[:120].decode("utf-8", "replace").split())
    return repr(text) + ("…" if len(data) > 120 else "") if text else "(empty)"


def _shape(value: Any) -> str:
    return "missing" if value is None else f"a {type(value).__name__}"


def _count(value: Any) -> int:
    """A token count from the server, 0 when it is not a non-negative integer."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


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


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
