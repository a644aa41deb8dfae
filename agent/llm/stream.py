"""Streamed model turns, for interactive front ends: text handed on as it is written.

`LLMClient.stream` (agent.llm.client) sends the request; `consume` here assembles what comes
back — text deltas to `on_text`, tool calls from their deltas — into one `StreamedTurn`.
`StreamingModel` is the protocol the chat talks to, so unit tests can script one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from debugai.agent.llm.toolloop import ToolCallOut

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

    @property
    def notes(self) -> list[str]:
        """What the client had to work around so far (a server without tools, ...)."""
        ...

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


def consume(stream: Any, on_text: OnText) -> StreamedTurn:
    """Read an SDK chunk stream to its end (or Ctrl-C), handing text deltas to on_text."""
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
