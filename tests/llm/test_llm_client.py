"""LLMClient over HTTP: the real openai client against the scripted server (no mocks)."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
from openai_server import Delay, Error, Hangup, Reply, ScriptedOpenAIServer, ToolCall

from debugai.agent.llm.answer import answer_schema
from debugai.agent.llm.client import (
    ChatRequest,
    LLMClient,
    ModelCallError,
    RequestDumped,
    ToolsUnsupported,
)
from debugai.agent.redact import Redactor
from debugai.config import Price

ANSWER = json.dumps({"root_cause": {"file": "a.py", "line": 1}, "chain": []})


def client(srv: ScriptedOpenAIServer, **kw: object) -> LLMClient:
    opts: dict[str, object] = {
        "model": "m",
        "base_url": srv.base_url,
        "api_key": "test-key",
        "max_retries": 2,
    }
    opts.update(kw)
    return LLMClient(**opts)  # type: ignore[arg-type]


def request(**kw: object) -> ChatRequest:
    opts: dict[str, object] = {
        "messages": [{"role": "user", "content": "hi"}],
        "schema": answer_schema(),
    }
    opts.update(kw)
    return ChatRequest(**opts)  # type: ignore[arg-type]


@pytest.fixture
def srv():
    with ScriptedOpenAIServer() as server:
        yield server


def test_structured_output_request_and_accounting(srv: ScriptedOpenAIServer) -> None:
    srv.push(Reply(content=ANSWER, prompt_tokens=1000, completion_tokens=100))
    c = client(srv, price=Price(input=2.0, output=10.0))
    reply = c.chat(request())
    assert reply.content == ANSWER and reply.output_mode == "json_schema"
    body = srv.chat_requests[0].body
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"] == answer_schema()
    assert srv.chat_requests[0].headers["authorization"] == "Bearer test-key"
    assert (c.stats.prompt_tokens, c.stats.completion_tokens) == (1000, 100)
    assert c.stats.cost_usd == pytest.approx((1000 * 2.0 + 100 * 10.0) / 1e6)


def test_falls_back_to_json_object_then_text() -> None:
    with ScriptedOpenAIServer(supports_json_schema=False, supports_json_object=False) as srv:
        srv.push(Reply(content=ANSWER))
        c = client(srv)
        reply = c.chat(request())
        modes = [(r.body.get("response_format") or {}).get("type") for r in srv.chat_requests]
        assert modes == ["json_schema", "json_object", None]
        assert reply.output_mode == "text" and len(c.stats.notes) == 2
        c.chat(request()) if srv.push(Reply(content=ANSWER)) else None
        assert "response_format" not in srv.chat_requests[-1].body  # remembered for the next call


def test_tools_rejected_raises_tools_unsupported() -> None:
    with ScriptedOpenAIServer(supports_tools=False) as srv:
        tools = [
            {
                "type": "function",
                "function": {"name": "read_span", "parameters": {"type": "object"}},
            }
        ]
        with pytest.raises(ToolsUnsupported):
            client(srv).chat(request(tools=tools))
        assert srv.remaining == 0 and len(srv.chat_requests) == 1


def test_tool_calls_are_returned(srv: ScriptedOpenAIServer) -> None:
    srv.push(Reply(tool_calls=[ToolCall("read_span", {"file": "a.py", "start": 1, "end": 3})]))
    reply = client(srv).chat(request())
    assert reply.tool_calls[0].name == "read_span"
    assert json.loads(reply.tool_calls[0].arguments) == {"file": "a.py", "start": 1, "end": 3}
    assert reply.finish_reason == "tool_calls"


def test_429_honours_retry_after(srv: ScriptedOpenAIServer) -> None:
    srv.push(Error(429, "slow down", headers={"Retry-After": "1"}), Reply(content=ANSWER))
    c = client(srv)
    assert c.chat(request()).content == ANSWER
    first, second = srv.chat_requests
    assert second.at - first.at >= 0.9
    assert c.stats.retries == 1


def test_retry_after_beyond_the_cap_fails_fast(srv: ScriptedOpenAIServer) -> None:
    srv.push(Error(429, headers={"Retry-After": "120"}), Reply(content=ANSWER))
    t0 = time.monotonic()
    with pytest.raises(ModelCallError, match="retry after 120s"):
        client(srv, max_retry_wait=5).chat(request())
    assert time.monotonic() - t0 < 3 and len(srv.chat_requests) == 1


def test_500_then_success(srv: ScriptedOpenAIServer) -> None:
    srv.push(Error(500, "boom"), Error(503, "busy"), Reply(content=ANSWER))
    c = client(srv, sleep=lambda s: None)
    assert c.chat(request()).content == ANSWER
    assert len(srv.chat_requests) == 3 and c.stats.retries == 2


def test_persistent_500_gives_up_with_reason(srv: ScriptedOpenAIServer) -> None:
    srv.push(*[Error(500, "boom")] * 5)
    with pytest.raises(ModelCallError, match=r"kept failing \(500: boom\) after 3 attempts"):
        client(srv, sleep=lambda s: None).chat(request())


def test_timeout(srv: ScriptedOpenAIServer) -> None:
    srv.push(Delay(3, Reply(content=ANSWER)))
    t0 = time.monotonic()
    with pytest.raises(ModelCallError, match=r"did not answer within 0\.5s"):
        client(srv, timeout=0.5).chat(request())
    assert time.monotonic() - t0 < 2.5


def test_hangup_is_a_connection_error(srv: ScriptedOpenAIServer) -> None:
    srv.push(Hangup(), Hangup())
    with pytest.raises(ModelCallError, match="cannot reach"):
        client(srv, sleep=lambda s: None).chat(request())


def test_dead_port() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: connection refused
        c = LLMClient(model="m", base_url=f"http://127.0.0.1:{port}/v1", sleep=lambda s: None)
        t0 = time.monotonic()
        with pytest.raises(ModelCallError, match=f"cannot reach http://127.0.0.1:{port}"):
            c.chat(request())
        assert time.monotonic() - t0 < 5


def test_auth_error_is_not_retried(srv: ScriptedOpenAIServer) -> None:
    srv.push(Error(401, "bad key"), Reply(content=ANSWER))
    with pytest.raises(ModelCallError, match="refused the API key"):
        client(srv).chat(request())
    assert len(srv.chat_requests) == 1


def test_cache_serves_an_equal_request_without_sending(
    srv: ScriptedOpenAIServer, tmp_path: Path
) -> None:
    srv.push(Reply(content=ANSWER))
    c = client(srv, cache_dir=tmp_path)
    first = c.chat(request())
    again = client(srv, cache_dir=tmp_path).chat(request())
    assert not first.cached and again.cached and again.content == ANSWER
    assert len(srv.chat_requests) == 1
    srv.push(Reply(content="other"))
    assert client(srv, cache_dir=tmp_path).chat(request(max_tokens=7)).content == "other"
    assert len(srv.chat_requests) == 2


def test_dump_request_writes_and_sends_nothing(srv: ScriptedOpenAIServer, tmp_path: Path) -> None:
    out = tmp_path / "req.json"
    secret = "ghp_" + "a1B2c3D4" * 5
    with pytest.raises(RequestDumped):
        client(srv, dump_request=out).chat(
            request(messages=[{"role": "user", "content": f"token {secret}"}]), Redactor()
        )
    dumped = json.loads(out.read_text())
    assert srv.requests == []
    assert dumped["url"] == f"{srv.base_url}/chat/completions"
    assert "test-key" not in out.read_text() and secret not in out.read_text()
    assert dumped["body"]["messages"][0]["content"].startswith("token <redacted:github-token:")


def test_redaction_applies_to_what_the_server_receives(srv: ScriptedOpenAIServer) -> None:
    secret = "AKIA" + "ABCDEFGHIJKLMNOP"
    srv.push(Reply(content=ANSWER))
    client(srv).chat(request(messages=[{"role": "user", "content": f"key={secret}"}]), Redactor())
    assert secret.encode() not in srv.chat_requests[0].raw


def test_streaming_text(srv: ScriptedOpenAIServer) -> None:
    srv.push(Reply(content="streamed answer text"))
    parts: list[str] = []
    turn = client(srv).stream([{"role": "user", "content": "hi"}], None, parts.append)
    assert "".join(parts) == turn.text == "streamed answer text" and len(parts) > 1
    assert srv.chat_requests[0].body["stream"] is True
