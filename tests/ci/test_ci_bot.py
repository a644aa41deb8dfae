"""`debugai ci` end to end: real pytest runs, the real static engine, a local fake GitHub/GitLab."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from ci_projects import (
    DB_PASSWORD,
    FIXED,
    SHOP,
    SHOP_SETTINGS_TESTS,
    PytestRun,
    run_pytest,
    write_project,
)
from fake_forge import FakeForge
from typer.testing import CliRunner

import debugai.cli  # noqa: F401  (registers the commands)
from debugai.agent.ci.bot import CiOptions, cause_keys, run_ci, signature
from debugai.agent.ci.forge import MARKER
from debugai.agent.ci.inputs import read_inputs
from debugai.api import explain
from debugai.cli_app import app
from debugai.errors import ExitCode

REPO = "acme/shop"
SHA = "3f5e0c1d2b4a69788796a5b4c3d2e1f001122334"
SERVER = "https://github.example"


@dataclass
class Workspace:
    """A checkout (`ws/`, with .git) whose service lives in `ws/svc`, as in a monorepo."""

    root: Path
    svc: Path
    red: PytestRun


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("ws")
    (root / ".git").mkdir()
    svc = write_project(root / "svc", {**SHOP, **SHOP_SETTINGS_TESTS})
    red = run_pytest(svc, "red", env={"GITHUB_TOKEN": FakeForge.token})
    assert red.returncode == 1
    return Workspace(root, svc, red)


@pytest.fixture
def forge() -> Iterator[FakeForge]:
    with FakeForge(max_per_page=3) as f:
        yield f


def base_env() -> dict[str, str | None]:
    """Unset whatever CI the tests themselves run in, and any model key."""
    prefixes = ("GITHUB_", "GITLAB_", "CI_", "OPENAI_", "DEBUGAI_")
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith(prefixes)}
    env["CI"] = None
    return env


def github_env(forge: FakeForge, tmp: Path, pr: int | None = 7) -> dict[str, str | None]:
    event = tmp / "event.json"
    payload = {"pull_request": {"number": pr}} if pr else {"ref": "refs/heads/main"}
    event.write_text(json.dumps(payload))
    return {
        **base_env(),
        "GITHUB_ACTIONS": "true",
        "GITHUB_API_URL": forge.github_api,
        "GITHUB_SERVER_URL": SERVER,
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_SHA": SHA,
        "GITHUB_REF": f"refs/pull/{pr}/merge" if pr else "refs/heads/main",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_STEP_SUMMARY": str(tmp / "summary.md"),
        "GITHUB_TOKEN": forge.token,
    }


def gitlab_env(forge: FakeForge) -> dict[str, str | None]:
    return {
        **base_env(),
        "GITLAB_CI": "true",
        "CI_API_V4_URL": forge.gitlab_api,
        "CI_PROJECT_ID": "42",
        "CI_PROJECT_URL": "https://gitlab.example/acme/shop",
        "CI_MERGE_REQUEST_IID": "3",
        "CI_COMMIT_SHA": SHA,
        "GITLAB_TOKEN": forge.token,
    }


def ci(env: dict[str, str | None], *args: str | Path):
    result = CliRunner().invoke(app, ["ci", *map(str, args), "--engine", "static"], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def bodies(forge: FakeForge) -> list[str]:
    return [r.body["body"] for r in forge.writes()]


def test_red_red_green_keeps_one_comment_edited_in_place(
    ws: Workspace, forge: FakeForge, tmp_path: Path
) -> None:
    for i in range(4):  # a busy pull request: the comment must be found on a later page
        forge.add_github_comment(REPO, 7, f"review comment {i}")
    env = github_env(forge, tmp_path)
    first = ci(env, ws.red.junit, "--repo", ws.svc)
    assert first.exit_code == 0, first.output
    second = ci(env, ws.red.junit, "--repo", ws.svc)
    assert second.exit_code == 0, second.output

    green_dir = ws.root.parent / f"green-{tmp_path.name}"
    green = run_pytest(write_project(green_dir / "svc", {**SHOP, **FIXED}), "green")
    assert green.returncode == 0
    third = ci(env, green.junit, "--repo", green.root)
    assert third.exit_code == 0, third.output

    ours = [c for c in forge.github[(REPO, 7)] if c["body"].startswith(MARKER)]
    assert len(ours) == 1 and len(forge.github[(REPO, 7)]) == 5
    writes = forge.writes()
    # Created once; later runs edit it (a re-run whose comment is unchanged may skip the edit,
    # the green run never does).
    methods = [w.method for w in writes]
    assert methods[0] == "POST" and set(methods[1:]) == {"PATCH"} and len(methods) in (2, 3)
    path = f"/api/v3/repos/{REPO}/issues/comments/{ours[0]['id']}"
    assert all(w.path == path for w in writes[1:])
    assert all(r.headers["authorization"] == f"Bearer {forge.token}" for r in forge.requests)
    sent = bodies(forge)
    red_body, green_body = sent[0], sent[-1]
    assert red_body.startswith(MARKER) and green_body.startswith(MARKER)
    assert "6 failing tests" in red_body
    assert "all tests pass" in green_body and "❌" not in green_body
    # Every failing test is named, and the second red run found the comment on page 2.
    for failure in read_inputs([ws.red.junit], ws.svc).failures:
        assert failure.test_id in red_body
    pages = [r.query.get("page", "1") for r in forge.requests if r.method == "GET"]
    assert "2" in pages


def test_root_causes_are_linked_at_the_commit_and_grouped(
    ws: Workspace, forge: FakeForge, tmp_path: Path
) -> None:
    env = github_env(forge, tmp_path)
    assert ci(env, ws.red.junit, "--repo", ws.svc).exit_code == 0
    (body,) = bodies(forge)
    failures = read_inputs([ws.red.junit], ws.svc).failures
    diags = {f.test_id: explain(f.text, ws.svc, engine="static") for f in failures}
    rooted = {t: d.root_cause for t, d in diags.items() if d.root_cause}
    assert rooted, "the static engine should locate at least one root cause"
    for rc in rooted.values():
        link = f"{SERVER}/{REPO}/blob/{SHA}/svc/{rc.file}#L{rc.line}"
        assert link in body
    # One section per distinct root cause; tests sharing a cause appear in the same section.
    sections = re.split(r"^### \d+\. ", body, flags=re.M)[1:]
    keys = [frozenset(cause_keys(d)) for d in diags.values()]
    n_causes = len({k for k in keys if k}) + sum(1 for k in keys if not k)
    assert len(sections) <= n_causes
    for a, da in diags.items():
        for b, db in diags.items():
            if a < b and cause_keys(da) & cause_keys(db):
                assert any(a in s and b in s for s in sections), (a, b)
    same = {}
    for f in failures:
        same.setdefault(signature(f), []).append(f.test_id)
    assert any(len(v) > 1 for v in same.values()), "two tests crash on the same line"
    # A chain of two hops or more is drawn; the ranking decides which causes have one.
    multi_hop = re.search(r"\*\*Chain\*\* \(root cause first\):\n\n1\. [^\n]*\n2\. ", body)
    assert ("```mermaid" in body) == bool(multi_hop)
    assert "<details><summary>Details: context, engine, tokens" in body


def test_no_secret_reaches_any_body_summary_annotation_or_sarif(
    ws: Workspace, forge: FakeForge, tmp_path: Path
) -> None:
    env = github_env(forge, tmp_path)
    sarif = tmp_path / "out.sarif"
    result = ci(env, ws.red.junit, ws.red.log, "--repo", ws.svc, "--sarif", sarif)
    assert result.exit_code == 0
    raw = ws.red.log.read_text() + ws.red.junit.read_text()
    assert forge.token in raw and DB_PASSWORD in raw, "the run must leak them for this test"
    posted = [
        *bodies(forge),
        (tmp_path / "summary.md").read_text(),
        result.output,
        sarif.read_text(),
    ]
    for text in posted:
        assert forge.token not in text and DB_PASSWORD not in text
        assert forge.token[:10] not in text and forge.token[-10:] not in text
        assert "environ({'" not in text


@pytest.mark.parametrize("status", [401, 403, 404, 500])
def test_api_errors_warn_and_the_summary_is_still_written(
    ws: Workspace, forge: FakeForge, tmp_path: Path, status: int
) -> None:
    forge.fail(status)
    env = github_env(forge, tmp_path)
    result = ci(env, ws.red.junit, "--repo", ws.svc)
    assert result.exit_code == 0
    assert f"HTTP {status}" in result.output and "::warning" in result.output
    assert forge.token not in result.output
    assert "failing test" in (tmp_path / "summary.md").read_text()
    assert forge.writes() == [] or status == 500
    strict = ci(env, ws.red.junit, "--repo", ws.svc, "--fail-on-error")
    assert strict.exit_code == ExitCode.CI_FAILED and f"HTTP {status}" in strict.output


def test_a_push_without_pull_request_writes_summary_and_annotations_only(
    ws: Workspace, forge: FakeForge, tmp_path: Path
) -> None:
    env = github_env(forge, tmp_path, pr=None)
    result = ci(env, ws.red.junit, "--repo", ws.svc)
    assert result.exit_code == 0
    assert forge.requests == []
    summary = (tmp_path / "summary.md").read_text()
    assert MARKER not in summary and "failing test" in summary
    annotations = [ln for ln in result.output.splitlines() if ln.startswith("::error ")]
    assert annotations
    for line in annotations:
        m = re.match(r"::error file=([^,]+),line=(\d+),title=", line)
        assert m, line
        assert (ws.root / m.group(1)).is_file()  # relative to the checkout root
        n_lines = len((ws.root / m.group(1)).read_text().splitlines())
        assert 1 <= int(m.group(2)) <= n_lines


def test_gitlab_merge_request_note_is_sticky(ws: Workspace, forge: FakeForge) -> None:
    env = gitlab_env(forge)
    assert ci(env, ws.red.junit, "--repo", ws.svc).exit_code == 0
    assert ci(env, ws.red.junit, "--repo", ws.svc).exit_code == 0
    # Created once, edited (or left alone when unchanged) after: never a second note.
    methods = [w.method for w in forge.writes()]
    assert methods[0] == "POST" and set(methods[1:]) <= {"PUT"}
    notes = forge.gitlab[("42", 3)]
    assert len(notes) == 1 and notes[0]["body"].startswith(MARKER)
    assert f"https://gitlab.example/acme/shop/-/blob/{SHA}/svc/" in notes[0]["body"]
    assert all(r.headers["private-token"] == forge.token for r in forge.requests)


def test_the_cap_explains_some_and_lists_the_rest(ws: Workspace, tmp_path: Path) -> None:
    calls: list[str] = []

    def counting_explain(text: str, tests: object = ()):
        calls.append(text)
        return explain(text, ws.svc, engine="static")

    result = run_ci(
        [ws.red.junit],
        CiOptions(repo=ws.svc, engine="static", max_failures=1, dry_run=True),
        env={},
        explain=counting_explain,
    )
    assert len(result.outcome.groups) == 1 and result.outcome.over_cap
    assert "Not explained (over the limit of 1" in result.body
    listed = sum(len(g.failures) for g in (*result.outcome.groups, *result.outcome.over_cap))
    assert listed == 6
    assert len(calls) < 6  # identical failures are explained once, over-cap ones not at all


def test_dry_run_posts_nothing_and_prints_the_comment(
    ws: Workspace, forge: FakeForge, tmp_path: Path
) -> None:
    env = github_env(forge, tmp_path)
    result = ci(env, ws.red.junit, "--repo", ws.svc, "--dry-run")
    assert result.exit_code == 0
    assert forge.requests == [] and not (tmp_path / "summary.md").exists()
    assert MARKER in result.output and "::error " in result.output


def test_sarif_points_into_the_checkout(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "debugai.sarif"
    result = ci(base_env(), ws.red.junit, "--repo", ws.svc, "--sarif", out)
    assert result.exit_code == 0
    sarif = json.loads(out.read_text())
    assert sarif["version"] == "2.1.0"
    uris = [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for res in sarif["runs"][0]["results"]
        for loc in res["locations"]
    ]
    assert uris and all((ws.root / uri).is_file() for uri in uris)


def test_a_plain_log_of_a_crashed_script(tmp_path: Path) -> None:
    root = write_project(tmp_path / "app", {k: v for k, v in SHOP.items() if k.startswith("shop/")})
    (root / "main.py").write_text("from shop.billing import price\n\nprint(price(7, 10))\n")
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "main.py"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 1
    log = tmp_path / "job.log"
    log.write_text("Step 3/5: run\nstarting\n" + proc.stderr + "done\n")
    result = ci(base_env(), log, "--repo", root)
    assert result.exit_code == 0, result.output
    assert "1 failing test" in result.output and "TypeError" in result.output
    assert "Root cause" in result.output


def test_bad_input_is_a_warning_unless_fail_on_error(tmp_path: Path) -> None:
    result = ci(base_env(), tmp_path / "missing.xml")
    assert result.exit_code == 0 and "cannot read" in result.output
    strict = ci(base_env(), tmp_path / "missing.xml", "--fail-on-error")
    assert strict.exit_code == 2 and "Traceback" not in strict.output


@pytest.mark.slow
def test_a_huge_run_stays_under_the_comment_limit(forge: FakeForge, tmp_path: Path) -> None:
    n = 60
    lookups = "\n\n".join(
        f"def find_{i}(key):\n    return REGISTRY_{i}.get(key)\n\n\nREGISTRY_{i} = {{}}"
        for i in range(n)
    )
    tests = "\n\n".join(
        f"def test_{i}():\n    assert find_{i}('k{i}').value == {i}" for i in range(n)
    )
    root = write_project(
        tmp_path / "big",
        {
            "big/__init__.py": "",
            "big/lookups.py": lookups,
            "tests/__init__.py": "",
            "tests/test_big.py": "from big.lookups import *  # noqa\n\n\n" + tests,
        },
    )
    run = run_pytest(root)
    env = github_env(forge, tmp_path)
    result = ci(env, run.junit, "--repo", root, "--max-failures", str(n))
    assert result.exit_code == 0, result.output
    (body,) = bodies(forge)
    assert len(body) <= 65_536
    assert "shortened to fit the comment size limit" in body
    summary = (tmp_path / "summary.md").read_text()
    assert len(summary) > 65_536  # the summary keeps every group in full
    for i in range(n):
        assert f"tests/test_big.py::test_{i}`" in body  # shortened groups still name their test


def test_with_a_model_configured_the_llm_explains_and_its_tokens_are_shown(
    ws: Workspace, forge: FakeForge, tmp_path: Path
) -> None:
    from llm_fixtures import answer
    from openai_server import Reply, ScriptedOpenAIServer

    key = "sk-test-" + "q" * 32
    with ScriptedOpenAIServer() as srv:
        srv.push(
            Reply(
                content=answer(
                    "shop/users.py", 5, "shop.users.get_user", chain=[("shop/billing.py", 6)]
                ),
                prompt_tokens=900,
                completion_tokens=80,
            )
        )
        env = {
            **github_env(forge, tmp_path),
            "OPENAI_API_KEY": key,
            "OPENAI_BASE_URL": srv.base_url,
            "DEBUGAI_MODEL": "scripted-model",
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        }
        result = CliRunner().invoke(
            app, ["ci", str(ws.red.junit), "--repo", str(ws.svc), "--max-failures", "1"], env=env
        )
        sent = json.dumps([r.body for r in srv.chat_requests])
    assert result.exit_code == 0, result.output
    (body,) = bodies(forge)
    assert "llm:scripted-model" in body and "prompt 900, completion 80" in body
    assert f"{SERVER}/{REPO}/blob/{SHA}/svc/shop/users.py#L5" in body
    assert key not in body and key not in result.output
    assert forge.token not in sent and DB_PASSWORD not in sent


def test_a_log_on_stdin(ws: Workspace) -> None:
    result = CliRunner().invoke(
        app,
        ["ci", "--repo", str(ws.svc), "--engine", "static"],
        input=ws.red.log.read_text(),
        env=base_env(),
    )
    assert result.exit_code == 0, result.output
    assert "6 failing tests" in result.output and "Root cause" in result.output


def test_gitlab_push_pipeline_prints_the_report_and_calls_no_api(
    ws: Workspace, forge: FakeForge
) -> None:
    env = {**gitlab_env(forge), "CI_MERGE_REQUEST_IID": None}
    result = ci(env, ws.red.junit, "--repo", ws.svc)
    assert result.exit_code == 0
    assert forge.requests == []
    assert MARKER in result.output and "6 failing tests" in result.output
