"""`debugai ci` never reports green without a report, and does not edit its comment for nothing.

The real `debugai` process, real pytest runs, and the local GitHub/GitLab API of fake_forge."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ci_projects import FIXED, SHOP, run_pytest, write_project
from fake_forge import FakeForge

from debugai.agent.ci.forge import MARKER
from debugai.errors import ExitCode

REPO = "acme/shop"
SHA = "3f5e0c1d2b4a69788796a5b4c3d2e1f001122334"
RED_COMMENT = f"{MARKER}\n## ❌ debugai: 2 failing tests\n\nsomething earlier"
MAKE_LOG = """\
python setup.py build_ext --inplace
gcc -O2 -c ext/speedups.c -o build/speedups.o
ext/speedups.c:12:10: fatal error: Python.h: No such file or directory
compilation terminated.
make: *** [Makefile:8: build] Error 1
make: *** [Makefile:3: test] Error 2
"""


def base_env(tmp: Path) -> dict[str, str]:
    drop = ("GITHUB_", "GITLAB_", "CI_", "OPENAI_", "DEBUGAI_", "PYTEST_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop) and k != "CI"}
    env.update(HOME=str(tmp / "home"), XDG_CACHE_HOME=str(tmp / "cache"))
    env["XDG_STATE_HOME"] = str(tmp / "state")
    return env


def github_env(forge: FakeForge, tmp: Path, pr: int = 7) -> dict[str, str]:
    event = tmp / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": pr}}))
    return {
        **base_env(tmp),
        "GITHUB_ACTIONS": "true",
        "GITHUB_API_URL": forge.github_api,
        "GITHUB_SERVER_URL": "https://github.example",
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_SHA": SHA,
        "GITHUB_REF": f"refs/pull/{pr}/merge",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_STEP_SUMMARY": str(tmp / "summary.md"),
        "GITHUB_TOKEN": forge.token,
    }


def gitlab_env(forge: FakeForge, tmp: Path) -> dict[str, str]:
    return {
        **base_env(tmp),
        "GITLAB_CI": "true",
        "CI_API_V4_URL": forge.gitlab_api,
        "CI_PROJECT_ID": "42",
        "CI_PROJECT_URL": "https://gitlab.example/acme/shop",
        "CI_MERGE_REQUEST_IID": "3",
        "CI_COMMIT_SHA": SHA,
        "GITLAB_TOKEN": forge.token,
    }


def ci(
    env: dict[str, str], *args: str | Path, cwd: Path, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(
        [sys.executable, "-m", "debugai", "ci", *map(str, args), "--engine", "static"],
        cwd=cwd,
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert "Traceback" not in res.stderr and "internal error" not in res.stderr, res.stderr
    return res


@pytest.fixture
def forge() -> FakeForge:
    with FakeForge() as f:
        yield f


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shop") / "svc"
    write_project(root, SHOP)
    (root / "pyproject.toml").write_text("[project]\nname = 'shop'\n")
    return root


def posted(forge: FakeForge) -> str:
    ours = [c["body"] for c in forge.github.get((REPO, 7), []) if c["body"].startswith(MARKER)]
    assert len(ours) == 1, forge.github
    return ours[0]


@pytest.mark.parametrize(
    ("name", "log", "quoted"),
    [
        ("empty", "", None),
        ("make", MAKE_LOG, "make: *** [Makefile:3: test] Error 2"),
    ],
)
def test_no_report_is_never_green_and_the_log_is_quoted(
    forge: FakeForge, tmp_path: Path, shop: Path, name: str, log: str, quoted: str | None
) -> None:
    forge.add_github_comment(REPO, 7, RED_COMMENT, login="bot")
    env = github_env(forge, tmp_path)
    res = ci(env, cwd=shop, input=log)
    assert res.returncode == 0, res.stderr  # never fails the job by itself
    body = posted(forge)
    for text in (body, res.stdout):  # the comment, and the job log
        assert "all tests pass" not in text and "✅" not in text
        assert "no test results in this run" in text and "This is not a green run" in text
    assert ("is empty" if name == "empty" else "no Python traceback and no test results") in body
    if quoted:
        assert quoted in body and "fatal error: Python.h" in body and quoted in res.stdout
    assert "::warning" in res.stdout and "no test results" in res.stderr
    strict = ci(env, "--fail-on-error", cwd=shop, input=log)
    assert strict.returncode == ExitCode.CI_FAILED
    assert "no test results" in strict.stderr


def test_pytest_that_stopped_before_collecting_is_not_green(
    forge: FakeForge, tmp_path: Path, shop: Path
) -> None:
    run = run_pytest(shop, "died", args=("--no-such-option",))
    assert run.returncode == 4  # pytest's usage error: no test ran
    log = run.log.read_text()
    env = github_env(forge, tmp_path)
    res = ci(env, run.log, cwd=shop)
    assert res.returncode == 0
    body = posted(forge)
    assert "no test results in this run" in body and "all tests pass" not in body
    assert "unrecognized arguments: --no-such-option" in body
    assert "unrecognized arguments" in log
    assert ci(env, run.log, "--fail-on-error", cwd=shop).returncode == ExitCode.CI_FAILED


def test_a_failure_without_traceback_says_so(forge: FakeForge, tmp_path: Path, shop: Path) -> None:
    run = run_pytest(shop, "tbno", args=("--tb=no", "-rf"))
    assert run.returncode == 1
    env = github_env(forge, tmp_path)
    res = ci(env, run.log, cwd=shop)
    assert res.returncode == 0, res.stderr
    body = posted(forge)
    assert "failing test" in body and "all tests pass" not in body
    assert "no traceback in the report for this test; re-run pytest with --tb=auto" in body
    strict = ci(env, run.log, "--fail-on-error", cwd=shop)
    assert strict.returncode == ExitCode.CI_FAILED and "no traceback" in strict.stderr


def test_a_real_green_run_is_green(forge: FakeForge, tmp_path: Path) -> None:
    root = tmp_path / "green"
    write_project(root, {"ok/__init__.py": "", "tests/test_ok.py": "def test_ok():\n    pass\n"})
    run = run_pytest(root, "green")
    assert run.returncode == 0
    forge.add_github_comment(REPO, 7, RED_COMMENT, login="bot")
    env = github_env(forge, tmp_path)
    for report in (run.junit, run.log):
        res = ci(env, report, "--fail-on-error", cwd=root)
        assert res.returncode == 0, res.stderr
        assert "all tests pass" in posted(forge)


@pytest.mark.parametrize("platform", ["github", "gitlab"])
def test_an_unchanged_result_does_not_edit_the_comment(
    forge: FakeForge, tmp_path: Path, shop: Path, platform: str
) -> None:
    red = run_pytest(shop, f"red-{platform}")
    assert red.returncode == 1
    env = github_env(forge, tmp_path) if platform == "github" else gitlab_env(forge, tmp_path)
    for _ in range(3):
        res = ci(env, red.junit, cwd=shop)
        assert res.returncode == 0, res.stderr
    writes = [w.method for w in forge.writes()]
    assert writes == ["POST"], writes  # created once; the two re-runs changed nothing
    assert "comment unchanged" in res.stderr
    # A different result does edit it.
    fixed = write_project(tmp_path / "fixed", {**SHOP, **FIXED})
    green = run_pytest(fixed, f"green-{platform}")
    assert green.returncode == 0
    assert ci(env, green.junit, cwd=fixed).returncode == 0
    assert [w.method for w in forge.writes()][1:] == ["PATCH" if platform == "github" else "PUT"]


def _normal(text: str) -> str:
    """The transcript without what changes from run to run: timings and object addresses."""
    text = re.sub(r"in \d+\.\d+s", "in Ns", text)
    return re.sub(r"0x[0-9a-f]+", "0x?", text)


@pytest.mark.slow
def test_the_ci_transcript_in_docs_is_what_debugai_prints(tmp_path: Path) -> None:
    import importlib.util

    if importlib.util.find_spec("pytest_cov") is not None:
        pytest.skip("the transcript's third run needs pytest-cov to be absent")
    out = tmp_path / "transcript.md"
    script = Path(__file__).resolve().parents[2] / "scripts" / "ci_transcript.py"
    proc = subprocess.run(
        [sys.executable, str(script), str(out)], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    shipped = (script.parents[1] / "docs" / "ci-transcript.md").read_text(encoding="utf-8")
    assert _normal(out.read_text(encoding="utf-8")) == _normal(shipped)
    for line in ("## ❌ debugai: 1 failing test", "## ✅ debugai: all tests pass", "\n6\n~~~"):
        assert line in shipped
