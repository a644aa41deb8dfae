"""A chat-completions client over the `openai` package that survives real servers.

What it adds to the SDK: secrets redacted from every message just before sending; structured
output with a JSON schema, falling back to JSON mode and then to plain text on servers that
reject them; tool specs dropped (ToolsUnsupported) on servers that reject tools; retries with
backoff on 429/5xx honouring Retry-After (capped: a long wait fails fast instead); a disk cache
keyed by a hash of the request; token, time and cost accounting; `--dump-request`; every reply
read within the run's deadline and a size cap and shape-checked (wire.py).

`chat` answers whole replies (the engine wants JSON); `stream` hands the words on as they come
(the chat). `ChatModel` is the small protocol the engine talks to, so unit tests can script one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import openai

from debugai.agent.files import atomic_write_text
from debugai.agent.llm import wire
from debugai.agent.llm.failures import (
    Downgrade,
    ModelCallError,
    RequestDumped,
    ToolsUnsupported,
    error_text,
    retry_after_seconds,
    stream_status_text,
)
from debugai.agent.llm.stream import OnText, StreamedTurn, consume
from debugai.agent.llm.toolloop import ToolCallOut
from debugai.agent.redact import Redactor
from debugai.config import Config, Price

__all__ = [
    "ChatModel",
    "ChatReply",
    "ChatRequest",
    "LLMClient",
    "ModelCallError",
    "RequestDumped",
    "ToolCallOut",
    "ToolsUnsupported",
    "error_text",
    "retry_after_seconds",
]

OUTPUT_MODES = ("json_schema", "json_object", "text")
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
CACHE_VERSION = 1


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

    @property
    def notes(self) -> list[str]:
        """What the client had to work around so far (fallbacks, downgrades)."""
        ...

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
        max_reply_bytes: int = wire.MAX_REPLY_BYTES,
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
        self.tools_supported = True  # streamed turns: False once the server refused tools
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
    def notes(self) -> list[str]:
        return self.stats.notes

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
            except Downgrade as change:
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
                raise ModelCallError(wire.past_deadline()) from None
            attempt += 1
            self.stats.retries += 1
            self._sleep(wait)

    def _post(self, body: dict[str, Any], deadline: float | None) -> dict[str, Any]:
        return wire.post(
            self._client,
            body,
            deadline,
            cap=self.max_reply_bytes,
            timeout=self.timeout,
            base_url=self.base_url,
        )

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
        """On 400/422/501 for a feature this server lacks, raise Downgrade or ToolsUnsupported."""
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
            raise Downgrade("the server wants max_completion_tokens instead of max_tokens")
        # Only when the server names the feature: a 400 for, say, context length is not a downgrade.
        if (
            "response_format" in body
            and self._mode < len(OUTPUT_MODES) - 1
            and re.search(r"response_format|json|schema|format", text)
        ):
            old = self.output_mode
            self._mode += 1
            raise Downgrade(
                f"the server rejected {old} output ({error_text(exc)}); using {self.output_mode}"
            )

    def _reply(
        self, raw: dict[str, Any], body: dict[str, Any], *, seconds: float, cached: bool
    ) -> ChatReply:
        content, calls, finish, prompt_tokens, completion_tokens = wire.completion_parts(raw)
        reply = ChatReply(
            content=content,
            tool_calls=calls,
            finish_reason=finish,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
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
            atomic_write_text(path, json.dumps(raw, ensure_ascii=False))

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
            atomic_write_text(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise ModelCallError(
                f"cannot write the request to {path}: {exc.strerror or exc}"
            ) from None
        raise RequestDumped(path)

    # -- streaming, for interactive front ends ----------------------------------------------------

    def stream(
        self,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]] | None,
        on_text: OnText,
        *,
        max_tokens: int = 1024,
        temperature: float = 0.0,
        deadline: float | None = None,
    ) -> StreamedTurn:
        """One streamed turn: text deltas to on_text as they come, tool calls assembled.

        No cache and no retries of our own (the words are already on the user's screen); the
        SDK retries a failed connection once. A server without tools gets the turn again
        without them, once and for all, with a note. The turn ends by the deadline (a
        time.monotonic() value) and its reply is capped as a whole reply is (stream.py)."""
        body: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "stream": True,
            "max_tokens": max_tokens,
            "temperature": temperature,
        }
        if tools and self.tools_supported:
            body["tools"] = tools
        try:
            return consume(
                lambda: self._open_stream(body),
                on_text,
                deadline=deadline,
                cap=self.max_reply_bytes,
            )
        except openai.APITimeoutError:
            raise ModelCallError(f"the model did not answer within {self.timeout:g}s") from None
        except openai.APIConnectionError:
            raise ModelCallError(f"cannot reach {self.base_url}") from None
        except openai.APIStatusError as exc:
            raise ModelCallError(stream_status_text(exc, self.base_url, self.model)) from None

    def _open_stream(self, body: dict[str, Any]) -> Any:
        completions: Any = self._client.with_options(max_retries=1).chat.completions
        try:
            return completions.create(**body)
        except openai.BadRequestError as exc:
            # A server without tool calls still answers in prose; tell the user once.
            if "tools" in body and re.search(r"\btool|function", error_text(exc).lower()):
                self.tools_supported = False
                self.stats.notes.append(
                    "this server does not support tool calls; answering without"
                )
                body = {k: v for k, v in body.items() if k != "tools"}
                return completions.create(**body)
            raise
