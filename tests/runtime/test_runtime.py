"""`--run`: re-running real small projects under the probe, and what the diagnosis makes of it."""

from __future__ import annotations

import glob
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REAL_HOME
from runtime_projects import (
    DISCOUNT,
    PHASES,
    REPORTED,
    SECRET,
    SHOP,
    SUSPENDS,
    failing_output,
    make,
)

from debugai.agent.pipeline import explain, open_index, read_trace
from debugai.agent.redact import Redactor
from debugai.agent.render import render_json
from debugai.agent.runtime import RunSpec, observe
from debugai.agent.runtime.run import instrument, run_observed
from debugai.config import Config
from debugai.errors import UsageError

PY = shlex.quote(sys.executable)
PYTEST = f"{PY} -m pytest -q -p no:cacheprovider"


def _python_312() -> str | None:
    """An interpreter with sys.monitoring: this one, or a pyenv 3.12+ beside it."""
    if sys.version_info >= (3, 12):
        return sys.executable
    found = sorted(glob.glob(str(REAL_HOME / ".pyenv/versions/3.1[2-9]*/bin/python")))
    return found[-1] if found else None


PY312 = _python_312()
needs_312 = pytest.mark.skipif(PY312 is None, reason="no Python 3.12+ for sys.monitoring")


def _spec(command: str, **kw: object) -> RunSpec:
    return RunSpec(command=command, env=dict(os.environ), **kw)  # type: ignore[arg-type]


def _explain(root: Path, trace: str, command: str | None, **kw: object):  # type: ignore[no-untyped-def]
    cfg = Config(run_log=False)
    run = _spec(command, **kw) if command else None
    return explain(trace, root, engine="static", config=cfg, run=run)


@pytest.fixture()
def shop(tmp_path: Path) -> tuple[Path, str]:
    root = make(tmp_path / "shop", SHOP)
    return root, failing_output(root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")


@pytest.mark.parametrize("backend", ["settrace", "auto"])
def test_the_helper_returning_none_three_calls_away_is_observed_and_ranked_first(
    shop: tuple[Path, str], backend: str
) -> None:
    root, trace = shop
    static = _explain(root, trace, None)
    ran = _explain(root, trace, f"{PYTEST} tests", backend=backend)
    assert ran.run is not None and ran.run.reproduced, ran.notes
    assert ran.root_cause is not None and ran.root_cause.symbol == "shop.rates.lookup"
    assert ran.root_cause.line == 9  # the `return None` it took, not the function's first line
    top = ran.candidates[0]
    assert "`lookup` returned None at shop/rates.py:9" in top.observed
    # The chain is what the run saw: made in lookup, passed on twice, raised in total.
    assert [(h.file, h.line) for h in ran.chain] == [
        ("shop/rates.py", 9), ("shop/rates.py", 14), ("shop/billing.py", 5),
        ("shop/billing.py", 15),
    ]  # fmt: skip
    assert ran.chain[0].explanation.startswith("observed:")
    # The static engine alone did not put it first: the run is what moved it.
    assert static.root_cause is not None and static.root_cause.symbol != "shop.rates.lookup"
    env_facts = [o for c in ran.candidates for o in c.observed if "SHOP_REGION" in o]
    assert env_facts == ["read env SHOP_REGION (not set) at shop/rates.py:13"]


def test_json_carries_the_run_object_and_the_observed_facts(shop: tuple[Path, str]) -> None:
    root, trace = shop
    data = json.loads(render_json(_explain(root, trace, f"{PYTEST} tests")))
    run = data["run"]
    assert run["command"].endswith("-m pytest -q -p no:cacheprovider tests")
    assert run["exit_code"] == 1 and run["reproduced"] is True
    assert (run["tests_passed"], run["tests_failed"]) == (2, 1)
    assert run["seconds"] > 0 and run["tracer_overhead"] > 0
    assert run["backend"] in ("settrace", "monitoring")
    assert data["candidates"][0]["observed"]
    assert "reproduced the failure in tests/test_billing.py::test_at" in data["notes"][0]
    # Without --run there is no run object.
    assert json.loads(render_json(_explain(root, trace, None)))["run"] is None


@needs_312
def test_sys_monitoring_back_end_records_a_script(tmp_path: Path) -> None:
    root = make(tmp_path / "shop", SHOP)
    obs = run_observed(_spec(f"{shlex.quote(str(PY312))} crash.py"), root)
    assert obs.backend == "monitoring" and obs.exit_code == 1
    (script,) = [t for t in obs.tests if t.is_test]
    assert script.outcome == "failed" and script.exc_type == "AttributeError"
    assert script.exc_frames[-1] == ("shop/billing.py", 15)
    nones = [(r.name, r.line) for r in script.returns if r.repr == "None"]
    assert nones == [("lookup", 9), ("rate_for", 14), ("tax_rate", 5)]
    assert {9, 14} <= script.lines["shop/rates.py"]
    floats = [r.repr for r in script.returns if r.name == "lookup"]
    assert floats == ["0.19", "None"]  # the DE call before, then the AT call


def test_settrace_back_end_records_the_same_script(tmp_path: Path) -> None:
    root = make(tmp_path / "shop", SHOP)
    obs = run_observed(_spec(f"{PY} crash.py", backend="settrace"), root)
    assert obs.backend == "settrace"
    (script,) = [t for t in obs.tests if t.is_test]
    nones = [(r.name, r.line) for r in script.returns if r.repr == "None"]
    assert nones == [("lookup", 9), ("rate_for", 14), ("tax_rate", 5)]
    # A function that raised did not return: total unwound, so it is not among the returns.
    assert "total" not in [r.name for r in script.returns if r.repr == "None"]


@pytest.mark.parametrize("backend", ["settrace", "auto"])
def test_a_focus_keeps_only_the_failing_tests_returns_and_every_tests_lines(
    tmp_path: Path, backend: str
) -> None:
    root = make(tmp_path / "shop", SHOP)
    focus = "test_billing.py::test_at"  # as a trace from inside tests/ would name it
    obs = run_observed(_spec(f"{PYTEST} tests", backend=backend, focus=focus), root)
    by_id = {t.id: t for t in obs.tests if t.is_test}
    at, de = by_id["tests/test_billing.py::test_at"], by_id["tests/test_billing.py::test_de"]
    assert at.outcome == "failed" and de.outcome == "passed"
    nones = [(r.name, r.line) for r in at.returns if r.repr == "None"]
    assert nones == [("lookup", 9), ("rate_for", 14), ("tax_rate", 5)]
    assert de.returns == []  # a passing test's returns are not what the evidence reads
    assert {7, 8, 13, 14} <= de.lines["shop/rates.py"] and 9 not in de.lines["shop/rates.py"]
    assert 9 in at.lines["shop/rates.py"]


@pytest.mark.parametrize("backend", ["settrace", "auto"])
def test_ochiai_ranks_a_line_only_the_failing_test_runs_above_shared_ones(
    tmp_path: Path, backend: str
) -> None:
    root = make(tmp_path / "cart", DISCOUNT)
    trace = failing_output(root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
    index = open_index(root)
    t = read_trace(trace, index)
    ev = observe(_spec(f"{PYTEST} tests", backend=backend), t, index)
    assert ev.reproduced and ev.spectrum
    disc, label = ev.facts["cart.pricing.discount"], ev.facts["cart.pricing.label"]
    assert disc.line_ochiai == pytest.approx(1.0)  # `return amount * 0.8`: the failing test only
    assert label.line_ochiai == pytest.approx(1 / 3**0.5)  # every test runs it
    assert disc.ochiai == pytest.approx(label.ochiai)  # as functions both run in all three
    assert "has lines only the failing test ran" in disc.observed
    # Places: discount first; checkout and label tie (every test runs all their lines): 2.5 each.
    assert disc.spectrum_rank == 1.0
    assert ev.facts["cart.pricing.checkout"].spectrum_rank == label.spectrum_rank == 2.5
    assert (
        "the test spectrum ranks it 1 of 3 functions run (best line Ochiai 1.00)" in disc.observed
    )
    # The failing test's own lines run in it alone: test code gets no spectrum at all.
    big = ev.facts.get("tests.test_cart.test_big")
    assert big is None or (big.line_ochiai is None and big.spectrum_rank is None)
    ran = _explain(root, trace, f"{PYTEST} tests", backend=backend)
    names = [c.symbol for c in ran.candidates]
    assert names.index("cart.pricing.discount") < names.index("cart.pricing.label")
    # Not asserted: discount above checkout. The function the test calls keeps a strong static
    # score, and on the real-bug benchmark the run's evidence is not fitted to overturn it.


@pytest.mark.parametrize("backend", ["settrace", "auto"])
def test_code_run_only_to_report_the_failure_is_not_recorded(tmp_path: Path, backend: str) -> None:
    root = make(tmp_path / "shop", REPORTED)
    obs = run_observed(_spec(f"{PYTEST} tests", backend=backend), root)
    by_id = {t.id.split("::", 1)[1]: t for t in obs.tests if t.is_test}
    failed = [by_id[k] for k in ("test_b", "test_c", "TestMoney::test_b")]
    assert [t.outcome for t in failed] == ["failed"] * 3 and by_id["test_a"].outcome == "passed"
    for t in failed:  # pytest's and unittest's reprs of the operands, str() of the exception
        ran = t.lines["shop/money.py"]
        assert 9 not in ran and 17 not in ran, (t.id, sorted(ran))
    assert 6 in by_id["test_b"].lines["shop/money.py"]  # the comparison itself is the test's
    assert by_id["test_c"].exc_type == "PriceError"
    assert by_id["test_c"].exc_message == "no price for c"  # still read, unrecorded


@pytest.mark.parametrize("backend", ["settrace", "auto"])
def test_what_one_test_has_seen_all_of_is_recorded_again_in_the_next(
    tmp_path: Path, backend: str
) -> None:
    files = {
        "shop/__init__.py": "",
        "shop/calc.py": "def double(x):\n    return x * 2\n",
        "tests/__init__.py": "",
        "tests/test_calc.py": (
            "from shop.calc import double\n\n\n"
            + "".join(
                f"def test_{name}():\n    assert double({n}) == {want}\n\n\n"
                for name, n, want in (("first", 1, 2), ("second", 2, 5), ("third", 3, 6))
            )
        ),
    }
    root = make(tmp_path / "shop", files)
    focus = "tests/test_calc.py::test_second"
    obs = run_observed(_spec(f"{PYTEST} tests", backend=backend, focus=focus), root)
    by_id = {t.id.split("::test_", 1)[1]: t for t in obs.tests if t.is_test}
    assert [by_id[k].outcome for k in ("first", "second", "third")] == [
        "passed",
        "failed",
        "passed",
    ]
    for k in ("first", "second", "third"):  # every test runs double's body itself
        assert 2 in by_id[k].lines["shop/calc.py"], k
    assert [(r.name, r.repr) for r in by_id["second"].returns if r.name == "double"] == [
        ("double", "4")
    ]


@pytest.mark.parametrize("backend", ["settrace", "auto"])
def test_code_pytest_runs_between_a_tests_phases_is_not_recorded(
    tmp_path: Path, backend: str
) -> None:
    root = make(tmp_path / "shop", PHASES)
    obs = run_observed(_spec(f"{PYTEST} tests", backend=backend), root)
    by_id = {t.id.split("::", 1)[1]: t for t in obs.tests if t.is_test}
    assert by_id["test_bad"].outcome == "failed" and by_id["test_ok"].outcome == "passed"
    audit = by_id["test_bad"].lines["shop/audit.py"]
    assert {2, 6} <= audit  # the fixture's setup and teardown are the test's
    # A report hook and the terminal summary run repository code, but not as any test's.
    for t in obs.tests:
        ran = t.lines.get("shop/audit.py", set())
        assert 10 not in ran and 14 not in ran, (t.id, sorted(ran))
        assert 17 not in t.lines.get("conftest.py", set()), t.id


@pytest.mark.parametrize("backend", ["settrace", "auto"])
def test_a_value_returned_after_a_caught_exception_is_a_return(
    tmp_path: Path, backend: str
) -> None:
    files = {
        "shop/__init__.py": "",
        "shop/qty.py": (
            "def parse(text):\n    try:\n        return int(text)\n"
            "    except ValueError:\n        return None\n"
        ),
        "tests/__init__.py": "",
        "tests/test_qty.py": (
            "from shop.qty import parse\n\n\n"
            "def test_parse():\n    assert [parse('1'), parse('x'), parse('y')] == [1, 0, 0]\n"
        ),
    }
    root = make(tmp_path / "shop", files)
    obs = run_observed(_spec(f"{PYTEST} tests", backend=backend), root)
    (t,) = [t for t in obs.tests if t.is_test]
    # The third call runs no line the test has not seen: it returns all the same.
    assert [(r.line, r.repr) for r in t.returns if r.name == "parse"] == [
        (3, "1"),
        (5, "None"),
        (5, "None"),
    ]


@pytest.mark.parametrize("backend", ["settrace", "auto"])
def test_a_yield_or_an_await_is_not_a_return(tmp_path: Path, backend: str) -> None:
    root = make(tmp_path / "shop", SUSPENDS)
    obs = run_observed(_spec(f"{PYTEST} tests", backend=backend), root)
    (total,) = [t for t in obs.tests if t.is_test]
    assert total.outcome == "failed"
    returned = [(r.name, r.repr) for r in total.returns if r.file == "shop/stream.py"]
    assert returned == [("numbers", "None"), ("fetch", "7")]


def test_a_command_that_does_not_reproduce_keeps_the_static_diagnosis(
    shop: tuple[Path, str],
) -> None:
    root, trace = shop
    static = _explain(root, trace, None)
    ran = _explain(root, trace, f"{PYTEST} tests/test_billing.py::test_de")
    assert ran.run is not None and ran.run.reproduced is False and ran.run.exit_code == 0
    assert ran.notes[0] == (
        "--run did not reproduce the failure: the command passed (exit 0); "
        "the static diagnosis is kept"
    )
    assert [(c.file, c.line, c.score) for c in ran.candidates] == [
        (c.file, c.line, c.score) for c in static.candidates
    ]
    assert all(not c.observed for c in ran.candidates)


def test_a_different_failure_is_not_taken_for_this_one(tmp_path: Path) -> None:
    root = make(tmp_path / "shop", SHOP)
    trace = failing_output(root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
    (root / "tests" / "test_other.py").write_text("def test_x():\n    raise KeyError('k')\n")
    ran = _explain(root, trace, f"{PYTEST} tests/test_other.py", baseline=False)
    assert ran.run is not None and not ran.run.reproduced
    assert "it failed with KeyError, not AttributeError" in ran.notes[0]


def test_the_time_limit_kills_the_command_and_its_children(tmp_path: Path) -> None:
    pidfile = tmp_path / "child.pid"
    script = tmp_path / "hang.py"
    script.write_text(
        "import subprocess, sys, time\n"
        f"p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(pidfile)!r}, 'w').write(str(p.pid))\n"
        "time.sleep(60)\n"
    )
    t0 = time.perf_counter()
    obs = run_observed(_spec(f"{PY} {shlex.quote(str(script))}", timeout=2.0), tmp_path)
    assert obs.timed_out and obs.exit_code is None
    assert time.perf_counter() - t0 < 30
    assert "ran past the 2 s limit and was killed" in obs.problem
    child = int(pidfile.read_text())
    for _ in range(50):  # the grandchild went with its process group
        if not Path(f"/proc/{child}").exists() or "Z" in _state(child):
            break
        time.sleep(0.1)
    assert not Path(f"/proc/{child}").exists() or "Z" in _state(child)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def test_a_recorded_secret_is_redacted(tmp_path: Path) -> None:
    root = make(tmp_path / "vault", SECRET)
    trace = failing_output(root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
    ran = _explain(root, trace, f"{PYTEST} tests")
    text = render_json(ran)
    assert "a1B2c3D4e5F6" not in text
    facts = [o for c in ran.candidates for o in c.observed if "read_token" in o]
    assert facts and "<redacted:github-token:1>" in facts[0], facts
    assert ran.root_cause is not None and ran.root_cause.symbol == "vault.store.read_token"


def test_commands_are_instrumented_without_a_shell() -> None:
    assert instrument(["pytest", "-x", "t.py"])[0] == [
        "pytest",
        "-p",
        "_debugai_probe_pytest",
        "-x",
        "t.py",
    ]
    assert instrument(["python3", "-m", "pytest", "t.py"])[0][:5] == [
        "python3", "-m", "pytest", "-p", "_debugai_probe_pytest",
    ]  # fmt: skip
    assert instrument(["python", "app.py", "--flag"]) == (
        ["python", "-m", "_debugai_probe_script", "app.py", "--flag"], True,
    )  # fmt: skip
    assert instrument(["tox", "-e", "py"]) == (["tox", "-e", "py"], False)
    with pytest.raises(UsageError):
        instrument([])


def test_an_unknown_command_is_one_clear_line(shop: tuple[Path, str]) -> None:
    root, trace = shop
    with pytest.raises(UsageError, match="command not found: no-such-tool-xyz"):
        _explain(root, trace, "no-such-tool-xyz --go")


def test_the_cli_runs_only_when_asked(shop: tuple[Path, str], tmp_path: Path) -> None:
    root, trace = shop
    trace_file = tmp_path / "trace.txt"
    trace_file.write_text(trace)
    marker = tmp_path / "ran"
    base = [sys.executable, "-m", "debugai", "explain", str(trace_file), "--repo", str(root)]
    plain = subprocess.run([*base, "-f", "json", "--engine", "static"], capture_output=True,
                           text=True, timeout=120)  # fmt: skip
    assert plain.returncode == 0 and json.loads(plain.stdout)["run"] is None
    cmd = f"{PYTEST} tests"
    ran = subprocess.run([*base, "-f", "json", "--engine", "static", "--run", cmd],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["root_cause"]["symbol"] == "shop.rates.lookup"
    bad = subprocess.run([*base, "--engine", "static", "--run", "  "], capture_output=True,
                         text=True, timeout=120)  # fmt: skip
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().count("\n") == 0 and "--run needs a command" in bad.stderr
    assert not marker.exists()


def test_redactor_is_the_one_used_for_values() -> None:
    # The same Redactor kinds as everything else: a recorded value is masked like a prompt is.
    r = Redactor()
    assert r.redact("'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'") == "'<redacted:github-token:1>'"


def _decorated(x: int) -> int:
    return x * 2


def test_a_functions_line_table_is_the_lines_a_call_can_report() -> None:
    from debugai.agent.runtime import probe

    first = _decorated.__code__.co_firstlineno
    assert probe._line_starts(_decorated.__code__) == {first + 1}  # not the `def` (3.11+ lists it)
    one_line = lambda x: x  # noqa: E731  (its body is on its first line: kept)
    assert probe._line_starts(one_line.__code__) == {one_line.__code__.co_firstlineno}
