"""LLMClient.stream: streamed text and tool-call deltas over HTTP from the scripted server."""

from __future__ import annotations

import socket

import pytest
from openai_server import Error, Reply, ScriptedOpenAIServer, ToolCall

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
