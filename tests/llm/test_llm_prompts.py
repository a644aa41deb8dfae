"""Prompt files: strict rendering, and golden renders for the fixture crash.

The goldens live in tests/golden/llm_prompts/. After a deliberate change to a prompt, the
context selection or the static candidates, regenerate them and review the diff:

    DEBUGAI_UPDATE_GOLDEN=1 pytest tests/llm/test_llm_prompts.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from llm_fixtures import CrashRepo, make_repo

from debugai.agent.diagnosis import DiagnosisAnswer
from debugai.agent.llm.answer import Grounder
from debugai.agent.llm.engine import LLMEngine
from debugai.agent.llm.prompts import PromptError, load_prompt, prompt_names, prompt_version
from debugai.agent.llm.tools import ToolBox
from debugai.api import explain, open_index
from debugai.config import load_config

GOLDEN = Path(__file__).parent.parent / "golden" / "llm_prompts"
UPDATE = os.environ.get("DEBUGAI_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        if not UPDATE:
            pytest.fail(f"wrote missing golden {path}; review it and run again")
    assert text == path.read_text(), (
        f"{name} changed; if intended: DEBUGAI_UPDATE_GOLDEN=1 pytest {__file__}"
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> CrashRepo:
    return make_repo(tmp_path_factory.mktemp("prompts") / "shop")


def first_request(repo: CrashRepo, tmp: Path, **flags: object) -> dict:
    out = tmp / "request.json"
    env = {"XDG_CACHE_HOME": str(tmp), "OPENAI_API_KEY": "sk-test-" + "g" * 30}
    config = load_config(
        None,
        env=env,
        flags={
            "base_url": "http://127.0.0.1:9/v1",
            "model": "golden",
            "dump_request": out,
            **flags,
        },
    )
    explain(repo.trace, repo.root, engine=LLMEngine.from_config(config, forced=True))
    body: dict = json.loads(out.read_text())["body"]
    return body


def test_every_prompt_declares_exactly_what_it_uses() -> None:
    names = prompt_names()
    assert {"llm_system", "llm_user", "llm_repair"} <= set(names)
    for name in names:
        prompt = load_prompt(name)  # parsing checks header vs body
        with pytest.raises(PromptError, match="missing"):
            prompt.render()
        with pytest.raises(PromptError, match="undeclared"):
            prompt.render(**dict.fromkeys(prompt.variables, "x"), extra="y")


def test_values_are_not_re_expanded() -> None:
    out = load_prompt("llm_format_retry").render(error="{{ error }} and {{ other }}")
    assert "{{ error }} and {{ other }}" in out


def test_prompt_version_is_stable_and_recorded() -> None:
    assert prompt_version() == prompt_version() and prompt_version().startswith("llm-v1+")


def test_golden_first_request(repo: CrashRepo, tmp_path: Path) -> None:
    body = first_request(repo, tmp_path)
    system, user = (m["content"] for m in body["messages"])
    check_golden("system_native_tools", system)
    check_golden("user_fixture_crash", user)
    assert {t["function"]["name"] for t in body["tools"]} == {
        "read_span",
        "find_symbol",
        "callers",
        "callees",
        "search_code",
        "env_reads",
    }
    schema = body["response_format"]["json_schema"]["schema"]
    assert schema["properties"].keys() == DiagnosisAnswer.model_json_schema()["properties"].keys()
    assert schema["properties"]["chain"]["maxItems"] == 6
    assert schema["$defs"]["RootCause"]["properties"]["explanation"]["maxLength"] == 400


def test_golden_local_model_request(repo: CrashRepo, tmp_path: Path) -> None:
    body = first_request(repo, tmp_path, tools="off", context_budget=1500, max_output_tokens=300)
    check_golden("system_no_tools", body["messages"][0]["content"])
    assert "tools" not in body and body["max_tokens"] == 300


def test_golden_follow_up_prompts(repo: CrashRepo) -> None:
    index = open_index(repo.root)
    bad = DiagnosisAnswer.model_validate(
        {
            "root_cause": {"file": "app/usres.py", "line": 9},
            "chain": [{"file": "app/billing.py", "line": 99}],
        }
    )
    problems = Grounder(index).check(bad)
    check_golden(
        "repair",
        load_prompt("llm_repair").render(
            problems="\n".join(p.line() for p in problems),
            valid_hint="Real files include: app/billing.py, app/users.py.",
        ),
    )
    check_golden(
        "format_retry",
        load_prompt("llm_format_retry").render(error="the reply holds no JSON object"),
    )
    check_golden(
        "final", load_prompt("llm_final").render(reason="The token budget is nearly spent.")
    )
    check_golden(
        "tools_plain",
        load_prompt("llm_tools_plain").render(tool_list=ToolBox(index).describe(), max_calls=3),
    )
