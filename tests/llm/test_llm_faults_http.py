"""A misbehaving model server, over the wire with the real openai client: malformed 200
replies, a trickling server, a huge reply, wrong-typed tool arguments. Under `--engine auto`
each ends in the static diagnosis with a note; nothing raises, nothing hangs."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from llm_fixtures import CrashRepo, answer, make_repo
from openai_server import Raw, Reply, ScriptedOpenAIServer, ToolCall
from typer.testing import CliRunner

import debugai.cli  # noqa: F401 - registers the commands
from debugai.agent.diagnosis import Diagnosis
from debugai.agent.llm.engine import LLMEngine
from debugai.api import explain
from debugai.cli_app import app
from debugai.config import Config, load_config

ROOT = ("app/users.py", 8, "app.users.get_user")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> CrashRepo:
    return make_repo(tmp_path_factory.mktemp("faults"))


def cfg(tmp_path: Path, base_url: str, **flags: object) -> Config:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "OPENAI_API_KEY": "sk-test-" + "k" * 30}
    return load_config(
        None, env=env, flags={"base_url": base_url, "model": "scripted-model", **flags}
    )


def auto(repo: CrashRepo, config: Config) -> Diagnosis:
    return explain(repo.trace, repo.root, engine=LLMEngine.from_config(config), config=config)


def completion(choices: object) -> bytes:
    return json.dumps({"id": "x", "object": "chat.completion", "choices": choices}).encode()


MALFORMED = {
    "html from a proxy": Raw(
        b"<html><body>502 Bad Gateway</body></html>", content_type="text/html"
    ),
    "truncated json": Raw(completion([{"message": {"content": "{}"}}])[:40]),
    "choices not a list": Raw(completion({"0": {"message": {"content": "x"}}})),
    "choices of strings": Raw(completion(["hello"])),
    "message not an object": Raw(completion([{"message": "hi"}])),
    "json array": Raw(b"[1, 2, 3]"),
    "empty body": Raw(b""),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_200_reply_falls_back_to_static_with_a_note(
    repo: CrashRepo, tmp_path: Path, name: str
) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(MALFORMED[name])
        diag = auto(repo, cfg(tmp_path, srv.base_url, cache=False))
    assert diag.engine == "static"
    assert any(n.startswith("model not used (scripted-model)") for n in diag.notes), diag.notes


def test_the_cli_exits_0_with_the_static_diagnosis_on_an_html_reply(
    repo: CrashRepo, tmp_path: Path
) -> None:
    trace = tmp_path / "trace.txt"
    trace.write_text(repo.trace)
    with ScriptedOpenAIServer() as srv:
        srv.push(MALFORMED["html from a proxy"])
        env = {
            "OPENAI_API_KEY": "sk-test-" + "k" * 30,
            "OPENAI_BASE_URL": srv.base_url,
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        }
        result = CliRunner().invoke(
            app, ["explain", str(trace), "--repo", str(repo.root), "--format", "json"], env=env
        )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["engine"] == "static" and out["root_cause"]["file"] == "app/users.py"


def test_a_trickling_server_is_cut_by_the_run_deadline(repo: CrashRepo, tmp_path: Path) -> None:
    # One byte every 5 s never trips the per-read timeout; the run's deadline cuts it.
    body = completion([{"message": {"content": answer(*ROOT)}, "finish_reason": "stop"}])
    with ScriptedOpenAIServer() as srv:
        srv.push(Raw(body, trickle=5.0))
        t0 = time.monotonic()
        diag = auto(repo, cfg(tmp_path, srv.base_url, timeout=30, deadline=3, cache=False))
        took = time.monotonic() - t0
    assert diag.engine == "static" and took < 15, took
    assert any("deadline" in n for n in diag.notes), diag.notes


def test_the_deadline_covers_retries_and_steps(repo: CrashRepo, tmp_path: Path) -> None:
    from openai_server import Delay, Error

    with ScriptedOpenAIServer() as srv:
        srv.push(
            Delay(1.5, Reply(tool_calls=[ToolCall("find_symbol", {"name": "get_user"})])),
            Delay(1.5, Error(503)),
            Delay(1.5, Error(503)),
            Delay(1.5, Reply(content=answer(*ROOT))),
        )
        t0 = time.monotonic()
        diag = auto(repo, cfg(tmp_path, srv.base_url, deadline=2.5, cache=False))
        took = time.monotonic() - t0
    assert diag.engine == "static" and took < 6, took
    assert any("deadline" in n for n in diag.notes), diag.notes


def test_a_huge_reply_is_not_read_past_the_cap(repo: CrashRepo, tmp_path: Path) -> None:
    pad = "x" * 12_000_000
    body = completion([{"message": {"content": answer(*ROOT, pad=pad)}}])
    with ScriptedOpenAIServer() as srv:
        srv.push(Raw(body))
        diag = auto(repo, cfg(tmp_path, srv.base_url, cache=False))
    assert diag.engine == "static"
    assert any("MB" in n and "not a chat completion" in n for n in diag.notes), diag.notes


def test_wrong_typed_tool_arguments_go_back_to_the_model(repo: CrashRepo, tmp_path: Path) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(
            Reply(
                tool_calls=[
                    ToolCall("env_reads", {"var": 5}),
                    ToolCall("read_span", {"file": ["app/users.py"], "start": {}, "end": 3}),
                    ToolCall("search_code", '{"text": '),
                ]
            ),
            Reply(content=answer(*ROOT)),
        )
        diag = auto(repo, cfg(tmp_path, srv.base_url, cache=False))
        second = srv.chat_requests[1].body["messages"]
    assert diag.engine == "llm:scripted-model" and diag.root_cause is not None
    errors = [m["content"] for m in second if m["role"] == "tool"]
    assert len(errors) == 3 and all(e.startswith("error:") for e in errors), errors
