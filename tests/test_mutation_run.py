"""A small fixed-seed mutation run over the eval cases' real tracebacks (scripts/mutate_traces.py
runs hundreds): no crash, no hang, no citation of a line that does not exist."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "mutate_traces.py"


def load_script():
    spec = importlib.util.spec_from_file_location("mutate_traces", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutate_traces"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_mutated_real_tracebacks_never_crash_hang_or_cite_a_missing_line() -> None:
    mt = load_script()
    outcomes = mt.mutation_run(n=40, seed=17, timeout=30.0, cases=10)
    report = mt.summary(outcomes)
    assert report["traces"] == 40 and report["cases"] == 10
    assert report["failures"] == [], report["failures"]
    assert report["crashes"] == report["hangs"] == report["invalid_citations"] == 0
    assert report["ok"] >= 20  # most mangled traces still get a diagnosis


def test_the_checker_sees_a_citation_past_the_end(tmp_path: Path) -> None:
    from llm_fixtures import make_repo

    from debugai.agent.diagnosis import Candidate, Diagnosis, ErrorInfo
    from debugai.agent.pipeline import open_index

    mt = load_script()
    crash = make_repo(tmp_path / "repo")
    index = open_index(crash.root, cache=False)
    diag = Diagnosis(
        error=ErrorInfo(type="E", message="m"),
        candidates=[Candidate(file="app/billing.py", line=999999)],
    )
    assert mt._check(diag, index) == ["candidate app/billing.py:999999"]
    assert mt.MUTATIONS["stale_without_source"](crash.trace, __import__("random").Random(0), [])


@pytest.mark.parametrize("shape", ["200 KB message x 60 chained", "25 MB of repeated frames"])
def test_the_shapes_that_hung_the_mutation_run_finish_quickly(tmp_path: Path, shape: str) -> None:
    import time

    from llm_fixtures import make_repo

    from debugai.api import explain

    crash = make_repo(tmp_path / "repo")
    glue = "\nDuring handling of the above exception, another exception occurred:\n\n"
    lines = crash.trace.rstrip("\n").splitlines()
    if shape.startswith("200 KB"):
        head, _, _ = lines[-1].partition(": ")
        one = "\n".join([*lines[:-1], f"{head}: " + "x" * 200_000])
        text = glue.join([one] * 60) + "\n"
    else:
        one = "\n".join(lines[:3] + lines[1:3] * 3000 + lines[3:])
        text = glue.join([one] * 60) + "\n"
    t0 = time.monotonic()
    diag = explain(text, crash.root, engine="static")
    assert time.monotonic() - t0 < 10  # were 30+ s each
    assert diag.root_cause is not None and diag.root_cause.file == "app/users.py"
