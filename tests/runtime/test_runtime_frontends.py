"""The re-run's evidence where users meet it: the CI bot (--rerun), the model's prompt, the text."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from llm_fixtures import answer
from openai_server import Reply, ScriptedOpenAIServer
from runtime_projects import SHOP, failing_output, make

from debugai.agent.ci.bot import CiOptions, rerun_command, run_ci
from debugai.agent.llm.engine import LLMEngine
from debugai.agent.render import render_markdown
from debugai.agent.runtime import RunSpec
from debugai.api import explain
from debugai.config import Config, load_config

PY = shlex.quote(sys.executable)
PYTEST = f"{PY} -m pytest -q -p no:cacheprovider"


@pytest.fixture()
def shop_junit(tmp_path: Path) -> tuple[Path, Path]:
    """The SHOP project and the JUnit report of its real, failing test run."""
    root = make(tmp_path / "shop", SHOP)
    junit = tmp_path / "report.xml"
    failing_output(root, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}")
    return root, junit


def test_rerun_command_fills_the_failing_tests_in() -> None:
    ids = ["tests/test_a.py::test_x[a b]", "tests/test_a.py::test_y", "tests/test_b.py::test_z"]
    assert rerun_command("pytest {files}", ids) == "pytest tests/test_a.py tests/test_b.py"
    tests = rerun_command("pytest -x {tests}", ids)
    assert tests is not None and shlex.split(tests)[2] == "tests/test_a.py::test_x[a b]"
    assert rerun_command("pytest", ids[1:2]) == "pytest tests/test_a.py::test_y"
    # A traceback from a log names no test: nothing to select, so nothing is re-run.
    assert rerun_command("pytest {tests}", ["build.log #1"]) is None


def test_ci_rerun_observes_the_failing_tests_and_says_so(shop_junit: tuple[Path, Path]) -> None:
    root, junit = shop_junit
    options = CiOptions(
        repo=root, engine="static", dry_run=True, config=Config(run_log=False),
        rerun=f"{PYTEST} {{files}}",
    )  # fmt: skip
    result = run_ci([junit], options, dict(os.environ))
    (group,) = result.outcome.groups
    diag = group.diagnosis
    assert diag is not None and diag.run is not None and diag.run.reproduced, diag and diag.notes
    assert diag.run.tests_passed == 2 and diag.run.tests_failed == 1
    assert diag.root_cause is not None and diag.root_cause.symbol == "shop.rates.lookup"
    observed = [ln for ln in result.body.splitlines() if ln.startswith("*Observed in the re-run:*")]
    assert len(observed) == 1 and "`lookup` returned None at shop/rates.py:9" in observed[0]
    # Without --rerun the bot runs nothing and ranks statically.
    plain = run_ci([junit], CiOptions(repo=root, engine="static", dry_run=True), {})
    (pgroup,) = plain.outcome.groups
    assert pgroup.diagnosis is not None and pgroup.diagnosis.run is None
    assert pgroup.diagnosis.root_cause is not None
    assert pgroup.diagnosis.root_cause.symbol != "shop.rates.lookup"


def test_ci_rerun_flag_rejects_an_empty_command(shop_junit: tuple[Path, Path]) -> None:
    root, junit = shop_junit
    proc = subprocess.run(
        [sys.executable, "-m", "debugai", "ci", str(junit), "--repo", str(root), "--dry-run",
         "--engine", "static", "--rerun", " "],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "--rerun needs a command" in proc.stderr and proc.stderr.strip().count("\n") == 0


def test_the_model_is_shown_what_the_run_observed(tmp_path: Path) -> None:
    root = make(tmp_path / "shop", SHOP)
    trace = failing_output(root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "OPENAI_API_KEY": "sk-test-" + "k" * 30}
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=answer("shop/rates.py", 9, "shop.rates.lookup")))
        cfg = load_config(
            None, env=env, flags={"base_url": srv.base_url, "model": "scripted-model"}
        )
        diag = explain(
            trace, root, engine=LLMEngine.from_config(cfg), config=cfg,
            run=RunSpec(command=f"{PYTEST} tests", env=dict(os.environ)),
        )  # fmt: skip
        (sent,) = [
            m["content"] for m in srv.chat_requests[0].body["messages"] if m["role"] == "user"
        ]
    (first,) = [ln for ln in sent.splitlines() if ln.startswith("1. ")]
    assert (
        first.startswith("1. shop/rates.py:9")
        and "`lookup` returned None at shop/rates.py:9" in first
    )
    assert "--run reproduced the failure in tests/test_billing.py::test_at" in sent
    assert diag.run is not None and diag.run.reproduced
    assert diag.root_cause is not None and diag.root_cause.symbol == "shop.rates.lookup"
    md = render_markdown(diag)
    assert "reproduced the failure" in md


CART = Path(__file__).resolve().parents[2] / "examples" / "cart"


def test_cart_example_trace_is_what_its_tests_print() -> None:
    from debugai.evals import capture

    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]
    output, code, _ = capture.run_project(CART, argv, {}, 60, "examples/cart")
    assert code == 1
    assert capture.drift((CART / "trace.txt").read_text(encoding="utf-8"), output) == []


def test_cart_example_is_explained_as_the_readme_shows(tmp_path: Path) -> None:
    """README: without --run the function the test calls; with it, the line that made 140."""
    import shutil

    root = tmp_path / "cart"
    shutil.copytree(CART, root)
    trace = (CART / "trace.txt").read_text(encoding="utf-8")
    cfg = Config(run_log=False)
    static = explain(trace, root, engine="static", config=cfg)
    assert static.root_cause is not None and static.root_cause.symbol == "cart.pricing.total"
    spec = RunSpec(command=f"{PYTEST} tests", env=dict(os.environ))
    ran = explain(trace, root, engine="static", config=cfg, run=spec)
    assert ran.run is not None and (ran.run.tests_passed, ran.run.tests_failed) == (2, 1)
    rc = ran.root_cause
    assert rc is not None and (rc.symbol, rc.line) == ("cart.pricing.apply_coupon", 20)
    assert "`apply_coupon` returned 140 at cart/pricing.py:20" in ran.candidates[0].observed
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "cart/pricing.py:26  cart.pricing.total" in readme
    assert "cart/pricing.py:20  cart.pricing.apply_coupon" in readme
