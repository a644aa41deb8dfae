"""One streamed model turn with tool calls, for the chat: text arrives as it is written.

`LLMClient` answers whole replies (the engine wants JSON); the chat wants the words as they come
and the tool calls assembled from their deltas. `StreamingModel` is the protocol the session
talks to, so unit tests can script one; `OpenAIStreamer` is the real one over the `openai` SDK.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import openai

from debugai.agent.llm.client import ModelCallError, ToolCallOut, error_text

if TYPE_CHECKING:
    from debugai.config import Config

OnText = Callable[[str], None]


@dataclass
class StreamedTurn:
    """What one streamed request produced: text and/or tool calls, and the tokens it cost."""

    text: str = ""
    tool_calls: list[ToolCallOut] = field(default_factory=list)
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


class StreamingModel(Protocol):
    """What the chat needs from a model: one streamed turn, text handed to on_text as it comes."""

    model: str

    def stream(
        self,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]] | None,
        on_text: OnText,
        *,
        max_tokens: int,
        temperature: float,
    ) -> StreamedTurn: ...

    def close(self) -> None: ...


class OpenAIStreamer:
    """Streamed chat completions from any OpenAI-compatible endpoint."""

    def __init__(
        self,
        *,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
        connect_timeout: float = 5.0,
    ) -> None:
        self.model = model
        self.base_url = (base_url or "https://api.openai.com/v1").rstrip("/")
        self.timeout = timeout
        self.tools_supported = True
        self.notes: list[str] = []
        # Local servers want no key, but the SDK insists on one: send a harmless placeholder.
        self._client = openai.OpenAI(
            api_key=api_key or "no-key",
            base_url=self.base_url,
            max_retries=1,
            timeout=openai.Timeout(timeout, connect=connect_timeout),
        )

    @classmethod
    def from_config(
        cls, config: Config, *, model: str, base_url: str | None = None
    ) -> OpenAIStreamer:
        return cls(
            model=model,
            base_url=base_url or config.base_url,
            api_key=config.key,
            timeout=config.timeout,
            connect_timeout=config.connect_timeout,
        )

    def close(self) -> None:
        self._client.close()

    def stream(
        self,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]] | None,
        on_text: OnText,
        *,
        max_tokens: int = 1024,
        temperature: float = 0.0,
    ) -> StreamedTurn:
        """Send messages, hand text deltas to on_text, return the assembled turn."""
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
            return self._consume(self._open(body), on_text)
        except openai.APITimeoutError:
            raise ModelCallError(f"the model did not answer within {self.timeout:g}s") from None
        except openai.APIConnectionError:
            raise ModelCallError(f"cannot reach {self.base_url}") from None
        except openai.APIStatusError as exc:
            raise ModelCallError(_status_text(exc, self.base_url, self.model)) from None

    def _open(self, body: dict[str, Any]) -> Any:
        completions: Any = self._client.chat.completions
        try:
            return completions.create(**body)
        except openai.BadRequestError as exc:
            # A server without tool calls still answers in prose; tell the user once.
            if "tools" in body and re.search(r"\btool|function", error_text(exc).lower()):
                self.tools_supported = False
                self.notes.append("this server does not support tool calls; answering without")
                body = {k: v for k, v in body.items() if k != "tools"}
                return completions.create(**body)
            raise

    @staticmethod
    def _consume(stream: Any, on_text: OnText) -> StreamedTurn:
        turn = StreamedTurn()
        parts: list[str] = []
        calls: dict[int, dict[str, str]] = {}
        try:
            for chunk in stream:
                usage = getattr(chunk, "usage", None)
                if usage is not None:
                    turn.prompt_tokens = int(usage.prompt_tokens or 0)
                    turn.completion_tokens = int(usage.completion_tokens or 0)
                if not chunk.choices:
                    continue
                choice = chunk.choices[0]
                delta = choice.delta
                if delta is not None and delta.content:
                    parts.append(delta.content)
                    on_text(delta.content)
                for tc in (delta.tool_calls if delta is not None else None) or []:
                    slot = calls.setdefault(tc.index, {"id": "", "name": "", "arguments": ""})
                    if tc.id:
                        slot["id"] = tc.id
                    if tc.function is not None:
                        slot["name"] += tc.function.name or ""
                        slot["arguments"] += tc.function.arguments or ""
                if choice.finish_reason:
                    turn.finish_reason = choice.finish_reason
        finally:
            # Ctrl-C lands here too: hang up so the server stops writing.
            with contextlib.suppress(Exception):
                stream.close()
        turn.text = "".join(parts)
        turn.tool_calls = [
            ToolCallOut(id=c["id"] or f"call_{i}", name=c["name"], arguments=c["arguments"] or "{}")
            for i, c in sorted(calls.items())
        ]
        return turn


def _status_text(exc: openai.APIStatusError, base_url: str, model: str) -> str:
    status = exc.status_code
    if status in (401, 403):
        return f"{base_url} refused the API key ({status}); check OPENAI_API_KEY"
    if status == 404:
        return f"model {model!r} or its endpoint not found at {base_url} (404)"
    return f"the server answered {status}: {error_text(exc)}"
