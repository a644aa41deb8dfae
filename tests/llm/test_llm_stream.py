"""LLMClient.stream: streamed text and tool-call deltas over HTTP from the scripted server."""

from __future__ import annotations

import json
import socket
import time
from typing import Any

import pytest
from openai_server import Error, Raw, Reply, ScriptedOpenAIServer, ToolCall

from debugai.agent.llm.client import LLMClient, ModelCallError

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "read_span",
            "description": "read",
            "parameters": {"type": "object", "properties": {"file": {"type": "string"}}},
        },
    }
]
MESSAGES = [{"role": "user", "content": "why?"}]


def streamer(srv: ScriptedOpenAIServer) -> LLMClient:
    return LLMClient(model="m", base_url=srv.base_url, api_key="k", timeout=10)


def test_text_arrives_in_pieces_and_tool_calls_are_assembled() -> None:
    args = {"file": "app/users.py", "start": 1, "end": 40}
    with ScriptedOpenAIServer() as srv:
        srv.push(
            Reply(content="Reading the helper first.", tool_calls=[ToolCall("read_span", args)])
        )
        pieces: list[str] = []
        turn = streamer(srv).stream(MESSAGES, TOOLS, pieces.append, max_tokens=100, temperature=0)
        body = srv.chat_requests[0].body
    assert len(pieces) > 1 and "".join(pieces) == turn.text == "Reading the helper first."
    assert [(c.name, c.arguments) for c in turn.tool_calls] == [
        ("read_span", '{"file": "app/users.py", "start": 1, "end": 40}')
    ]
    assert turn.tool_calls[0].id.startswith("call_") and turn.finish_reason == "tool_calls"
    assert body["stream"] is True and body["tools"] == TOOLS and body["max_tokens"] == 100


def test_a_server_without_tools_still_answers_in_prose() -> None:
    with ScriptedOpenAIServer(supports_tools=False) as srv:
        srv.push(Reply(content="plain answer"), Reply(content="second"))
        s = streamer(srv)
        turn = s.stream(MESSAGES, TOOLS, lambda _t: None, max_tokens=50, temperature=0)
        again = s.stream(MESSAGES, TOOLS, lambda _t: None, max_tokens=50, temperature=0)
        sent = [r.body for r in srv.chat_requests]
    assert turn.text == "plain answer" and again.text == "second"
    assert "tools" in sent[0] and all("tools" not in b for b in sent[1:])
    assert s.notes == ["this server does not support tool calls; answering without"]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (Error(401, "bad key"), "refused the API key"),
        (Error(400, "context too long"), "400: context too long"),
    ],
)
def test_server_errors_become_one_line(error: Error, expected: str) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(error)
        with pytest.raises(ModelCallError, match=expected):
            streamer(srv).stream(MESSAGES, None, lambda _t: None, max_tokens=10, temperature=0)


def test_an_unreachable_server_is_one_line() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    s = LLMClient(model="m", base_url=f"http://127.0.0.1:{port}/v1", connect_timeout=1)
    with pytest.raises(ModelCallError, match=f"cannot reach http://127.0.0.1:{port}/v1"):
        s.stream(MESSAGES, None, lambda _t: None, max_tokens=10, temperature=0)


# -- a misbehaving server: the same limits as a whole reply ----------------------------------------


def sse(*events: dict[str, Any] | str) -> bytes:
    out = [f"data: {e if isinstance(e, str) else json.dumps(e)}\n\n" for e in events]
    return "".join(out).encode()


def chunk(content: str) -> dict[str, Any]:
    return {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "m",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}],
    }


def test_a_server_trickling_bytes_is_cut_off_at_the_deadline() -> None:
    # One byte every 0.3 s never trips the per-read timeout; the deadline must end the turn.
    body = sse(chunk("hello " * 20), "[DONE]")
    with ScriptedOpenAIServer() as srv:
        srv.push(Raw(body, content_type="text/event-stream", trickle=0.3))
        t0 = time.monotonic()
        with pytest.raises(ModelCallError, match="deadline"):
            streamer(srv).stream(
                MESSAGES, None, lambda _t: None, max_tokens=10, temperature=0, deadline=t0 + 1.5
            )
        took = time.monotonic() - t0
    assert took < 5, took  # the whole body would take len(body) * 0.3 s ≈ 70 s


def test_a_runaway_stream_is_not_read_past_the_cap() -> None:
    body = sse(*[chunk("x" * 1000) for _ in range(50)], "[DONE]")
    with ScriptedOpenAIServer() as srv:
        srv.push(Raw(body, content_type="text/event-stream"))
        s = LLMClient(model="m", base_url=srv.base_url, api_key="k", max_reply_bytes=10_000)
        seen: list[str] = []
        with pytest.raises(ModelCallError, match="passed 10,000 characters"):
            s.stream(MESSAGES, None, seen.append, max_tokens=10, temperature=0)
    assert 10_000 <= sum(map(len, seen)) <= 11_000


@pytest.mark.parametrize(
    "events",
    [
        ('{"choices": "not a list"}',),  # parsed, wrong shape
        ("<html><body>502 Bad Gateway</body></html>",),  # a proxy's page inside the stream
        ('{"choices": [{"delta": {"tool_calls": [{"index": "x"}]}}]}',),
    ],
    ids=["choices-not-a-list", "html", "bad-tool-index"],
)
def test_a_malformed_stream_is_one_model_error(events: tuple[str, ...]) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(Raw(sse(*events, "[DONE]"), content_type="text/event-stream"))
        with pytest.raises(ModelCallError, match="not a chat completion stream"):
            streamer(srv).stream(MESSAGES, None, lambda _t: None, max_tokens=10, temperature=0)
