"""One chat completion off the wire: read within the run's deadline and a size cap, parsed and
shape-checked, so that a slow, huge or malformed reply is a ModelCallError (and the engine falls
back to the static diagnosis) rather than a hang, a memory spike or a crash."""

from __future__ import annotations

import importlib
import json
import threading
import time
from typing import Any

import openai

from debugai.agent.llm.failures import ModelCallError
from debugai.agent.llm.toolloop import ToolCallOut

# A chat completion is a few KB; a reply past this is not one (a proxy's error page, a runaway
# server) and is not read further: 64 MB read whole and parsed peaked at 405 MB.
MAX_REPLY_BYTES = 8_000_000


def post(
    client: openai.OpenAI,
    body: dict[str, Any],
    deadline: float | None,
    *,
    cap: int,
    timeout: float,
    base_url: str,
) -> dict[str, Any]:
    """One request; the reply read within the deadline and the size cap, parsed and checked.

    The read timeout is per read: a server that trickles a byte every few seconds never
    trips it. With a deadline the exchange runs in a daemon thread that is abandoned (and
    stops at its next byte) when the deadline passes.
    """
    if deadline is None:
        return _fetch(client, body, None, cap=cap, timeout=timeout, base_url=base_url)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise ModelCallError(past_deadline())
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["raw"] = _fetch(client, body, deadline, cap=cap, timeout=timeout, base_url=base_url)
        except BaseException as exc:  # handed to the caller's thread as is
            box["error"] = exc

    worker = threading.Thread(target=work, name="debugai-model-call", daemon=True)
    worker.start()
    worker.join(remaining)
    if worker.is_alive():
        raise ModelCallError(past_deadline())
    if "error" in box:
        raise box["error"]
    return dict(box["raw"])


def _http_library() -> Any:
    """The HTTP library the installed openai client runs on: httpx, or httpx2 from openai 3 on.

    Errors raised while a streamed reply is read come from it, not from openai."""
    base = next((c for c in openai.DefaultHttpxClient.__mro__[1:] if c.__name__ == "Client"), None)
    return importlib.import_module((base.__module__ if base else "httpx").split(".", 1)[0])


HTTP = _http_library()


def _fetch(
    client: openai.OpenAI,
    body: dict[str, Any],
    deadline: float | None,
    *,
    cap: int,
    timeout: float,
    base_url: str,
) -> dict[str, Any]:
    chunks: list[bytes] = []
    size = 0
    try:
        with client.chat.completions.with_streaming_response.create(**body) as resp:
            declared = resp.headers.get("content-length") or ""
            if declared.isdigit() and int(declared) > cap:
                raise ModelCallError(_too_large(int(declared), cap))
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise ModelCallError(_too_large(size, cap))
                if deadline is not None and time.monotonic() > deadline:
                    raise ModelCallError(past_deadline())
                chunks.append(chunk)
    except HTTP.TimeoutException:
        raise ModelCallError(f"the model did not answer within {timeout:g}s") from None
    except HTTP.TransportError as exc:
        raise ModelCallError(
            f"the connection to {base_url} broke mid-reply ({type(exc).__name__})"
        ) from None
    data = b"".join(chunks)
    try:
        raw = json.loads(data)
    except ValueError:
        raise ModelCallError(f"the server's reply is not JSON: {_preview(data)}") from None
    if not isinstance(raw, dict):
        raise ModelCallError(f"the server's reply is not a JSON object: {_preview(data)}")
    return raw


def completion_parts(
    raw: dict[str, Any],
) -> tuple[str | None, list[ToolCallOut], str | None, int, int]:
    """(content, tool calls, finish reason, prompt tokens, completion tokens) of a completion;
    ModelCallError when it does not have a chat completion's shape."""
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
    return (
        content if content is None or isinstance(content, str) else str(content),
        calls,
        str(choice.get("finish_reason") or "") or None,
        _count(usage.get("prompt_tokens")),
        _count(usage.get("completion_tokens")),
    )


def past_deadline() -> str:
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
