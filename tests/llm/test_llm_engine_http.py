"""LLMEngine over HTTP: the real openai client against the scripted server, end to end."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from llm_fixtures import CrashRepo, answer, make_repo
from openai_server import Delay, Error, Reply, ScriptedOpenAIServer

from debugai.agent.diagnosis import Diagnosis
from debugai.agent.llm.engine import LLMEngine
from debugai.api import explain
from debugai.config import Config, load_config
from debugai.errors import ModelError

ROOT = ("app/users.py", 8, "app.users.get_user")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> CrashRepo:
    return make_repo(tmp_path_factory.mktemp("http"))


def cfg(tmp_path: Path, base_url: str, **flags: object) -> Config:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "OPENAI_API_KEY": "sk-test-" + "k" * 30}
    return load_config(
        None, env=env, flags={"base_url": base_url, "model": "scripted-model", **flags}
    )


def diagnose(repo: CrashRepo, config: Config, *, forced: bool = False) -> Diagnosis:
    engine = LLMEngine.from_config(config, forced=forced)
    return explain(repo.trace, repo.root, engine=engine)


def test_good_answer_over_the_wire(repo: CrashRepo, tmp_path: Path) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(
            Reply(
                content=answer(*ROOT, chain=[("app/billing.py", 9)]),
                prompt_tokens=900,
                completion_tokens=80,
            )
        )
        diag = diagnose(
            repo,
            cfg(tmp_path, srv.base_url, prices={"scripted-model": {"input": 1.0, "output": 2.0}}),
        )
        body = srv.chat_requests[0].body
    assert (
        diag.engine == "llm:scripted-model"
        and diag.root_cause is not None
        and diag.root_cause.line == 8
    )
    assert body["response_format"]["type"] == "json_schema" and body["tools"]
    assert diag.usage.prompt_tokens == 900 and diag.usage.cost_usd == pytest.approx(
        (900 * 1.0 + 80 * 2.0) / 1e6
    )


def test_server_without_tools_or_schema_gets_a_plain_prompt_loop(
    repo: CrashRepo, tmp_path: Path
) -> None:
    with ScriptedOpenAIServer(
        supports_tools=False, supports_json_schema=False, supports_json_object=False
    ) as srv:
        srv.push(
            Reply(
                content='I need more.\n{"tool": "read_span", "arguments": {"file": "app/users.py", "start": 8, "end": 12}}'
            ),
            Reply(content="Here it is:\n```json\n" + answer(*ROOT) + "\n```"),
        )
        diag = diagnose(repo, cfg(tmp_path, srv.base_url))
        bodies = [r.body for r in srv.chat_requests]
    assert (
        diag.engine == "llm:scripted-model"
        and diag.root_cause is not None
        and diag.root_cause.symbol == ROOT[2]
    )
    answered = [b for b in bodies if "tools" not in b and "response_format" not in b]
    assert len(answered) == 2  # both turns went out as plain text prompts
    system = answered[0]["messages"][0]["content"]
    assert '{"tool": NAME, "arguments": {...}}' in system
    tool_result = answered[1]["messages"][-1]["content"]
    assert (
        tool_result.startswith("Result of read_span:") and "def get_user(user_id):" in tool_result
    )
    assert any("plain prompt loop" in n for n in diag.notes)


def test_429_with_retry_after_then_answer(repo: CrashRepo, tmp_path: Path) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(
            Error(429, "rate limited", headers={"Retry-After": "1"}), Reply(content=answer(*ROOT))
        )
        diag = diagnose(repo, cfg(tmp_path, srv.base_url))
        gap = srv.chat_requests[1].at - srv.chat_requests[0].at
    assert diag.engine == "llm:scripted-model" and gap >= 0.9


def test_500_then_success(repo: CrashRepo, tmp_path: Path) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(Error(500, "boom"), Reply(content=answer(*ROOT)))
        diag = diagnose(repo, cfg(tmp_path, srv.base_url))
    assert diag.engine == "llm:scripted-model"


def test_timeout_returns_static_with_reason(repo: CrashRepo, tmp_path: Path) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(Delay(3, Reply(content=answer(*ROOT))))
        diag = diagnose(repo, cfg(tmp_path, srv.base_url, timeout=0.5))
    assert diag.engine == "static"
    assert any("did not answer within 0.5s" in n for n in diag.notes)


def test_dead_port_degrades_and_forced_raises(repo: CrashRepo, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
        diag = diagnose(repo, cfg(tmp_path, url, max_retries=0))
        assert diag.engine == "static" and any("cannot reach" in n for n in diag.notes)
        with pytest.raises(ModelError) as err:
            diagnose(repo, cfg(tmp_path, url, max_retries=0), forced=True)
    assert err.value.exit_code == 4 and "cannot reach" in str(err.value)


def test_cache_answers_a_repeated_run_without_the_server(repo: CrashRepo, tmp_path: Path) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=answer(*ROOT)))
        first = diagnose(repo, cfg(tmp_path, srv.base_url))
        second = diagnose(repo, cfg(tmp_path, srv.base_url))
        assert len(srv.chat_requests) == 1
        srv.push(Reply(content=answer(*ROOT)))
        diagnose(repo, cfg(tmp_path, srv.base_url, cache=False))
        assert len(srv.chat_requests) == 2
    assert first.root_cause == second.root_cause
    assert any("came from the cache" in n for n in second.notes)


def test_redaction_on_what_the_server_received(repo: CrashRepo, tmp_path: Path) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=answer(*ROOT)))
        diagnose(repo, cfg(tmp_path, srv.base_url, context_budget=4000))
        raw = b"".join(r.raw for r in srv.requests)
    assert b"def get_user" in raw and b"gateway_password" in raw  # code holding secrets was sent...
    for secret in repo.secrets.values():
        assert secret.encode() not in raw  # ...but none of its secrets, nor the .env's
    assert b"<redacted:" in raw


def test_no_redact_opts_out(repo: CrashRepo, tmp_path: Path) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=answer(*ROOT)))
        diagnose(repo, cfg(tmp_path, srv.base_url, redact=False, context_budget=4000))
        raw = b"".join(r.raw for r in srv.requests)
    assert repo.secrets["github"].encode() in raw


def test_dump_request_sends_nothing(repo: CrashRepo, tmp_path: Path) -> None:
    out = tmp_path / "request.json"
    with ScriptedOpenAIServer() as srv:
        diag = diagnose(repo, cfg(tmp_path, srv.base_url, dump_request=out))
        assert srv.requests == []
    dumped = json.loads(out.read_text())
    assert (
        dumped["body"]["messages"][0]["role"] == "system"
        and dumped["body"]["model"] == "scripted-model"
    )
    assert diag.engine == "static" and any("nothing was sent" in n for n in diag.notes)


def test_an_answer_cut_at_the_output_limit_keeps_its_whole_root_cause(
    repo: CrashRepo, tmp_path: Path
) -> None:
    """Seen with the real 1.5B model: out of tokens in the fix, after a whole root cause and
    chain. That answer is used (one request, no second ask that would be cut the same way)."""
    full = answer(*ROOT, chain=[("app/billing.py", 9)])
    cut = full[: full.index('"fix"') + 20]
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=cut, finish_reason="length"))
        diag = diagnose(repo, cfg(tmp_path, srv.base_url))
        requests = len(srv.chat_requests)
    assert requests == 1
    assert diag.engine == "llm:scripted-model"
    assert diag.root_cause is not None and diag.root_cause.symbol == ROOT[2]
    assert [(h.file, h.line) for h in diag.chain] == [("app/billing.py", 9)]
    assert any("its complete part was used" in n for n in diag.notes)


def test_an_answer_cut_inside_its_root_cause_is_asked_again(
    repo: CrashRepo, tmp_path: Path
) -> None:
    full = answer(*ROOT)
    cut = full[: full.index('"line"') + 3]
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=cut, finish_reason="length"), Reply(content=full))
        diag = diagnose(repo, cfg(tmp_path, srv.base_url))
        requests = len(srv.chat_requests)
    assert requests == 2
    assert diag.root_cause is not None and diag.root_cause.symbol == ROOT[2]
    assert any("cut at the output limit" in n and "asked again" in n for n in diag.notes)


def test_confirm_authority_keeps_the_static_first_suspect_and_lists_the_model_pick_second(
    repo: CrashRepo, tmp_path: Path
) -> None:
    static = explain(repo.trace, repo.root, engine="static")
    assert static.root_cause is not None and static.root_cause.symbol == ROOT[2]
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=answer("app/billing.py", 9, "app.billing.charge")))
        diag = diagnose(repo, cfg(tmp_path, srv.base_url, model_authority="confirm"))
    assert diag.engine == "llm:scripted-model"
    assert diag.root_cause == static.root_cause and diag.chain == static.chain
    assert [c.symbol for c in diag.candidates[:2]] == [ROOT[2], "app.billing.charge"]
    assert any("listed second" in n and "app/billing.py:9" in n for n in diag.notes)


def test_confirm_authority_takes_the_model_explanation_when_it_agrees(
    repo: CrashRepo, tmp_path: Path
) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=answer(*ROOT, chain=[("app/billing.py", 9)])))
        diag = diagnose(repo, cfg(tmp_path, srv.base_url, model_authority="confirm"))
    assert diag.root_cause is not None and diag.root_cause.symbol == ROOT[2]
    assert diag.root_cause.explanation == "falls through"  # the model's words
    assert [(h.file, h.line) for h in diag.chain] == [("app/billing.py", 9)]
    assert not any("listed second" in n for n in diag.notes)


def test_full_authority_lets_the_model_overrule(repo: CrashRepo, tmp_path: Path) -> None:
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=answer("app/billing.py", 9, "app.billing.charge")))
        diag = diagnose(repo, cfg(tmp_path, srv.base_url))  # a remote model: "auto" is "full"
    assert diag.root_cause is not None and diag.root_cause.symbol == "app.billing.charge"


def test_local_models_only_confirm_unless_told_otherwise(tmp_path: Path) -> None:
    local = load_config(None, env={"XDG_CACHE_HOME": str(tmp_path)}, flags={"engine": "local"})
    assert LLMEngine.from_config(local, local=True).authority == "confirm"
    full = load_config(
        None,
        env={"XDG_CACHE_HOME": str(tmp_path)},
        flags={"engine": "local", "model_authority": "full"},
    )
    assert LLMEngine.from_config(full, local=True).authority == "full"


def test_model_authority_from_the_environment(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path), "DEBUGAI_MODEL_AUTHORITY": "full"}
    config = load_config(None, env=env, flags={"engine": "local"})
    assert config.sources["model_authority"] == "env"
    assert LLMEngine.from_config(config, local=True).authority == "full"
