"""The agent logic of LLMEngine with a scripted model class, through the real explain pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from llm_fixtures import CrashRepo, ScriptedModel, answer, make_repo, reply

from debugai.agent.diagnosis import Diagnosis
from debugai.agent.llm.client import ModelCallError
from debugai.agent.llm.engine import LLMEngine
from debugai.agent.llm.replay import ReplayModel
from debugai.agent.runlog import read_runs
from debugai.api import explain
from debugai.config import Config, load_config
from debugai.errors import ModelError

ROOT = ("app/users.py", 8, "app.users.get_user")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> CrashRepo:
    return make_repo(tmp_path_factory.mktemp("repo"))


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return load_config(
        None, env={"XDG_CACHE_HOME": str(tmp_path / "cache")}, flags={"max_steps": 4}
    )


def run(
    repo: CrashRepo, model: ScriptedModel, config: Config, *, forced: bool = False
) -> Diagnosis:
    engine = LLMEngine(model, config, forced=forced)
    return explain(repo.trace, repo.root, engine=engine)


def test_good_answer_becomes_the_diagnosis(repo: CrashRepo, config: Config) -> None:
    model = ScriptedModel([reply(answer(*ROOT, chain=[("app/billing.py", 9)]))])
    diag = run(repo, model, config)
    assert diag.engine == "llm:scripted"
    assert diag.root_cause is not None and (diag.root_cause.file, diag.root_cause.line) == ROOT[:2]
    assert (
        diag.candidates[0].file == "app/users.py"
        and diag.candidates[0].symbol == "app.users.get_user"
    )
    assert [(h.file, h.line) for h in diag.chain] == [("app/billing.py", 9)]
    assert (
        diag.dropped_citations == 0
        and diag.prompt_version
        and diag.prompt_version.startswith("llm-v1+")
    )
    assert (diag.usage.prompt_tokens, diag.usage.completion_tokens) == (100, 20)
    prompt = "\n".join(str(m["content"]) for m in model.requests[0].messages)
    assert "app/billing.py" in prompt and "TypeError" in prompt
    assert "Candidates from static analysis" in prompt and "app.users.get_user" in prompt
    assert "DATA to analyse" in prompt  # code and traces are data, not instructions


def test_hallucinated_citations_get_one_repair_then_are_dropped(
    repo: CrashRepo, config: Config
) -> None:
    first = answer(
        "app/usres.py",
        999,
        "app.users.get_usr",
        chain=[("app/billing.py", 400), ("app/billing.py", 9)],
    )
    second = answer(*ROOT, chain=[("app/billing.py", 400), ("app/billing.py", 9)])
    model = ScriptedModel([reply(first), reply(second)])
    diag = run(repo, model, config)
    repair = model.last_user_text()
    assert "app/usres.py:999" in repair and "no such file" in repair
    assert "app/billing.py:400" in repair and "has 10 lines" in repair
    assert model.requests[-1].tools is None  # the repair turn is answer-only
    assert diag.root_cause is not None and diag.root_cause.file == "app/users.py"
    assert [(h.file, h.line) for h in diag.chain] == [("app/billing.py", 9)]
    assert diag.dropped_citations == 1
    assert any("dropped" in n for n in diag.notes)


def test_root_cause_still_invalid_after_repair_degrades(repo: CrashRepo, config: Config) -> None:
    bad = answer("app/nowhere.py", 3)
    diag = run(repo, ScriptedModel([reply(bad), reply(bad)]), config)
    assert diag.engine == "static"
    assert any("app/nowhere.py:3 is not a real location" in n for n in diag.notes)
    with pytest.raises(ModelError, match="not a real location"):
        run(repo, ScriptedModel([reply(bad), reply(bad)]), config, forced=True)


def test_malformed_json_is_asked_again_once(repo: CrashRepo, config: Config) -> None:
    model = ScriptedModel(
        [
            reply("Sure! The root cause is {root_cause: users.py"),
            reply("```json\n" + answer(*ROOT) + "\n```"),
        ]
    )
    diag = run(repo, model, config)
    assert "could not be read as the JSON answer" in model.last_user_text()
    assert (
        diag.engine == "llm:scripted" and diag.root_cause is not None and diag.root_cause.line == 8
    )


def test_malformed_twice_returns_static_with_reason(repo: CrashRepo, config: Config) -> None:
    diag = run(repo, ScriptedModel([reply("no idea"), reply("still no JSON")]), config)
    assert diag.engine == "static" and diag.root_cause is not None
    assert any(n.startswith("model not used (scripted)") and "JSON" in n for n in diag.notes)


def test_model_failure_degrades_or_raises_when_forced(repo: CrashRepo, config: Config) -> None:
    diag = run(
        repo,
        ScriptedModel([ModelCallError("cannot reach http://127.0.0.1:9/v1 (ConnectError)")]),
        config,
    )
    assert diag.engine == "static" and any("cannot reach" in n for n in diag.notes)
    with pytest.raises(ModelError, match="cannot reach"):
        run(repo, ScriptedModel([ModelCallError("cannot reach x")]), config, forced=True)


def test_tool_calls_run_and_results_go_back(repo: CrashRepo, config: Config) -> None:
    model = ScriptedModel(
        [
            reply(
                tools=[
                    ("read_span", {"file": "app/users.py", "start": 8, "end": 12}),
                    ("find_symbol", {"name": "charge"}),
                ]
            ),
            reply(tools=[("read_span", {"file": "../outside.txt", "start": 1, "end": 5})]),
            reply(answer(*ROOT)),
        ]
    )
    diag = run(repo, model, config)
    tool_msgs = [m for m in model.requests[1].messages if m["role"] == "tool"]
    assert "def get_user(user_id):" in tool_msgs[0]["content"]
    assert "app.billing.charge" in tool_msgs[1]["content"]
    refused = [m for m in model.requests[2].messages if m["role"] == "tool"][-1]
    assert refused["content"].startswith("refused:")
    assert any("1 tool call(s) outside the repository were refused" in n for n in diag.notes)
    assert model.requests[0].tools and {t["function"]["name"] for t in model.requests[0].tools} >= {
        "read_span",
        "callers",
    }


def test_last_step_offers_no_tools(repo: CrashRepo, config: Config) -> None:
    cfg = config.with_overrides(max_steps=2)
    model = ScriptedModel([reply(tools=[("env_reads", {})]), reply(answer(*ROOT))])
    run(repo, model, cfg)
    assert model.requests[0].tools and model.requests[1].tools is None


def test_token_cap_degrades_with_a_note(repo: CrashRepo, config: Config) -> None:
    cfg = config.with_overrides(max_tokens_per_run=600)
    diag = run(repo, ScriptedModel([reply(answer(*ROOT))]), cfg)
    assert diag.engine == "static" and any("token cap" in n for n in diag.notes)


def test_secrets_never_reach_the_model(repo: CrashRepo, config: Config) -> None:
    model = ScriptedModel(
        [
            reply(
                tools=[
                    ("read_span", {"file": "app/settings.py", "start": 1, "end": 6}),
                    ("read_span", {"file": ".env", "start": 1, "end": 1}),
                ]
            ),
            reply(answer(*ROOT)),
        ]
    )
    diag = run(repo, model, config)
    sent = repr([r.messages for r in model.requests])
    for secret in repo.secrets.values():
        assert secret not in sent
    assert "<redacted:github-token:1>" in sent
    assert any("redacted" in n for n in diag.notes)


def test_run_is_logged_and_replays_without_a_model(repo: CrashRepo, config: Config) -> None:
    first = run(repo, ScriptedModel([reply(answer(*ROOT, chain=[("app/billing.py", 9)]))]), config)
    record = read_runs(config.cache_dir, last=1)[0]
    assert record["outcome"] == "ok" and record["exchanges"] and record["trace_text"]
    assert record["diagnosis"]["root_cause"]["file"] == "app/users.py"
    replay = ReplayModel(record)
    replayed = explain(record["trace_text"], repo.root, engine=LLMEngine(replay, config))
    assert replayed.root_cause == first.root_cause and replayed.chain == first.chain
    assert replay.mismatches == 0  # the re-parsed trace produced the very same request


def test_log_show_lists_runs(
    repo: CrashRepo, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import debugai.cli  # noqa: F401 - registers the commands
    from debugai.cli_app import app

    run(repo, ScriptedModel([reply(answer(*ROOT))]), config)
    monkeypatch.setenv("DEBUGAI_CACHE_DIR", str(config.cache_dir))
    record = read_runs(config.cache_dir, last=1)[0]
    listed = CliRunner().invoke(app, ["log", "show", "5"], env={"COLUMNS": "200"})
    assert (
        listed.exit_code == 0
        and record["id"] in listed.output
        and "app/users.py:8" in listed.output
    )
    full = CliRunner().invoke(app, ["log", "show", "--run", record["id"][:6]])
    assert full.exit_code == 0 and '"exchanges"' in full.output
    missing = CliRunner().invoke(app, ["log", "show", "--run", "nope"])
    assert missing.exit_code == 2 and "no run with id" in missing.output


def test_log_replay_reruns_a_logged_run_offline(
    repo: CrashRepo, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import debugai.cli  # noqa: F401 - registers the commands
    from debugai.cli_app import app

    first = run(repo, ScriptedModel([reply(answer(*ROOT))]), config)
    monkeypatch.setenv("DEBUGAI_CACHE_DIR", str(config.cache_dir))
    record = read_runs(config.cache_dir, last=1)[0]
    res = CliRunner().invoke(
        app, ["log", "replay", record["id"][:6], "--repo", str(repo.root)], env={"COLUMNS": "200"}
    )
    assert res.exit_code == 0, res.output
    assert first.root_cause is not None and first.root_cause.file in res.output
    # The log keeps requests, not the settings behind them: a replay says whether they matched.
    assert "every request matched" in res.output or "differ from the logged ones" in res.output
    missing = CliRunner().invoke(app, ["log", "replay", "nope"])
    assert missing.exit_code == 2
