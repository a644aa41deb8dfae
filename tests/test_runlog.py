"""The run log: every explain (static included) and every chat turn is recorded and replays."""

from __future__ import annotations

from pathlib import Path

import pytest
from chat_project import Project, make_project
from openai_server import Reply, ScriptedOpenAIServer, ToolCall
from typer.testing import CliRunner

import debugai.cli  # noqa: F401 - registers the commands
from debugai.agent.chat.session import ChatSession
from debugai.agent.llm.client import LLMClient
from debugai.agent.llm.replay import ReplayModel
from debugai.agent.pipeline import explain
from debugai.agent.runlog import read_runs
from debugai.cli_app import app
from debugai.config import Config, load_config


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return make_project(tmp_path_factory.mktemp("proj"))


def test_a_static_explain_is_logged_and_replays(project: Project, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    diag = explain(project.trace, project.root, engine="static", config=Config(cache_dir=cache))
    (record,) = read_runs(cache)
    assert record["engine"] == "static" and record["outcome"] == "ok"
    assert record["diagnosis"]["root_cause"] == diag.to_json_dict()["root_cause"]
    assert record["context"] and record["trace_text"].startswith("Traceback")
    res = CliRunner().invoke(
        app, ["log", "replay", record["id"][:6]], env={"DEBUGAI_CACHE_DIR": str(cache)}
    )
    assert res.exit_code == 0, res.output
    rc = diag.root_cause
    assert rc is not None and f"{rc.file}:{rc.line}" in res.output
    assert "explained again by the static engine" in res.output


def test_run_log_off_logs_nothing(project: Project, tmp_path: Path) -> None:
    config = Config(cache_dir=tmp_path / "cache", run_log=False)
    explain(project.trace, project.root, engine="static", config=config)
    assert read_runs(tmp_path / "cache") == []


def test_a_chat_turn_goes_through_the_one_client_is_logged_and_replays(
    project: Project, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    answer_text = "get_user returns None at app/users.py:1 for unknown ids."
    with ScriptedOpenAIServer() as srv:
        srv.push(
            Reply(content="Reading.", tool_calls=[ToolCall("find_symbol", {"name": "get_user"})]),
            Reply(content=answer_text),
        )
        env = {"DEBUGAI_CACHE_DIR": str(cache), "OPENAI_BASE_URL": srv.base_url}
        config = load_config(project.root, env=env)
        live = ChatSession(project.root, config)
        assert isinstance(live.model(), LLMClient)  # the engine's client, streaming
        live.load_trace(project.trace, engine="static")
        first = live.ask("why is user None?")
        live.close()
    assert first.error is None and first.text == "Reading.\n" + answer_text
    records = read_runs(cache)
    assert [r["engine"] for r in records] == ["static", "chat"]  # the diagnosis, then the turn
    turn = records[-1]
    assert turn["outcome"] == "ok" and len(turn["exchanges"]) == 2
    asked = turn["exchanges"][0]["request"]["messages"]
    assert asked[-1] == {"role": "user", "content": "why is user None?"}
    tool_round = turn["exchanges"][1]["request"]["messages"]
    assert any(m["role"] == "tool" for m in tool_round)
    # Replayed offline in a fresh session: the same requests, the same answer.
    replay = ReplayModel(turn)
    again = ChatSession(project.root, config.with_overrides(run_log=False), model=replay)
    again.load_trace(project.trace, engine="static")
    second = again.ask("why is user None?")
    assert second.text == first.text and [t.name for t in second.tools] == ["find_symbol"]
    assert replay.mismatches == 0
