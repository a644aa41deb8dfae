"""Streamed model turns, for interactive front ends: text handed on as it is written.

`LLMClient.stream` (agent.llm.client) sends the request; `consume` here assembles what comes
back — text deltas to `on_text`, tool calls from their deltas — into one `StreamedTurn`.
`StreamingModel` is the protocol the chat talks to, so unit tests can script one.

A streamed reply is held to the same limits as a whole one (wire.py): the chunks are read on a
daemon thread and handed over through a queue, so the caller's deadline holds even against a
server that trickles a byte at a time inside one event (the read timeout is per read and never
trips); the text and tool arguments are capped in size; a chunk of the wrong shape or a stream
that breaks off is a ModelCallError, never a crash.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from debugai.agent.llm import wire
from debugai.agent.llm.failures import ModelCallError
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
        deadline: float | None = None,
    ) -> StreamedTurn: ...

    def close(self) -> None: ...


def consume(
    open_stream: Callable[[], Any],
    on_text: OnText,
    *,
    deadline: float | None = None,
    cap: int = wire.MAX_REPLY_BYTES,
) -> StreamedTurn:
    """Open an SDK chunk stream and read it to its end (or Ctrl-C), handing text deltas to
    on_text. Opening counts against the deadline too: a server may trickle its headers.

    deadline is a time.monotonic() value; cap bounds the characters of text and tool arguments.
    Raises ModelCallError when either is passed, or when the stream is malformed or breaks off.
    """
    turn = StreamedTurn()
    parts: list[str] = []
    calls: dict[int, dict[str, str]] = {}
    size = 0
    opened: list[Any] = []
    try:
        for chunk in _chunks(open_stream, opened, deadline):
            try:
                size += _take(chunk, turn, parts, calls, on_text)
            except (AttributeError, TypeError, ValueError, KeyError, IndexError):
                raise ModelCallError(
                    f"the server's streamed reply is not a chat completion stream "
                    f"({type(chunk).__name__} chunk of the wrong shape)"
                ) from None
            if size > cap:
                raise ModelCallError(
                    f"the server's streamed reply passed {cap:,} characters; not read further"
                )
    finally:
        # Ctrl-C lands here too: hang up so the server stops writing.
        for stream in opened:
            with contextlib.suppress(Exception):
                stream.close()
    turn.text = "".join(parts)
    turn.tool_calls = [
        ToolCallOut(id=c["id"] or f"call_{i}", name=c["name"], arguments=c["arguments"] or "{}")
        for i, c in sorted(calls.items())
    ]
    return turn


def _take(
    chunk: Any,
    turn: StreamedTurn,
    parts: list[str],
    calls: dict[int, dict[str, str]],
    on_text: OnText,
) -> int:
    """Fold one chunk into the turn; the characters it added."""
    usage = getattr(chunk, "usage", None)
    if usage is not None:
        turn.prompt_tokens = int(usage.prompt_tokens or 0)
        turn.completion_tokens = int(usage.completion_tokens or 0)
    if not chunk.choices:
        return 0
    added = 0
    choice = chunk.choices[0]
    delta = choice.delta
    if delta is not None and delta.content:
        text = str(delta.content)
        parts.append(text)
        added += len(text)
        on_text(text)
    for tc in (delta.tool_calls if delta is not None else None) or []:
        slot = calls.setdefault(int(tc.index), {"id": "", "name": "", "arguments": ""})
        if tc.id:
            slot["id"] = str(tc.id)
        if tc.function is not None:
            slot["name"] += str(tc.function.name or "")
            slot["arguments"] += str(tc.function.arguments or "")
            added += len(tc.function.arguments or "")
    if choice.finish_reason:
        turn.finish_reason = str(choice.finish_reason)
    return added


_END = object()


def _chunks(
    open_stream: Callable[[], Any], opened: list[Any], deadline: float | None
) -> Iterator[Any]:
    """The stream's chunks, opened and read on a daemon thread so that waiting for the next one
    is bounded by the deadline; the thread is abandoned (the caller closes what it opened,
    listed in opened) when the deadline passes."""
    box: queue.Queue[tuple[Any, BaseException | None]] = queue.Queue()

    def pump() -> None:
        try:
            stream = open_stream()
            opened.append(stream)
            for chunk in stream:
                box.put((chunk, None))
            box.put((_END, None))
        except BaseException as exc:  # handed to the reading thread as is
            box.put((None, exc))

    threading.Thread(target=pump, name="debugai-model-stream", daemon=True).start()
    while True:
        wait = None if deadline is None else deadline - time.monotonic()
        try:
            if wait is not None and wait <= 0:
                raise queue.Empty
            chunk, error = box.get(timeout=wait)
        except queue.Empty:
            raise ModelCallError(wire.past_deadline()) from None
        if error is not None:
            raise _stream_error(error)
        if chunk is _END:
            return
        yield chunk


def _stream_error(exc: BaseException) -> BaseException:
    """What a failure while reading the stream means to the user; the SDK's own errors pass."""
    if isinstance(exc, wire.HTTP.TimeoutException):
        return ModelCallError("the model stopped sending mid-reply (read timed out)")
    if isinstance(exc, wire.HTTP.TransportError):
        return ModelCallError(f"the connection broke mid-reply ({type(exc).__name__})")
    if isinstance(exc, ValueError):  # an event whose data is not JSON
        return ModelCallError("the server's streamed reply is not a chat completion stream")
    return exc
