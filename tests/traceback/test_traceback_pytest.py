"""pytest reports in every --tb style, from a real pytest run, checked against pytest's own data."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from debugai.agent.traceback import Trace, parse, parse_all

STYLES = ("auto", "long", "short", "line", "native")

# Records what pytest itself knows about each failure: the ground truth for the parsed report.
TRUTH_PLUGIN = """
import json, os
RESULTS = []
def _add(report, when):
    crash = getattr(report.longrepr, "reprcrash", None)
    RESULTS.append(dict(nodeid=report.nodeid, when=when,
                        path=getattr(crash, "path", None), lineno=getattr(crash, "lineno", None),
                        message=getattr(crash, "message", None)))
def pytest_runtest_logreport(report):
    if report.failed:
        _add(report, report.when)
def pytest_collectreport(report):
    if report.failed:
        _add(report, "collect")
def pytest_sessionfinish(session):
    with open(os.environ["TB_TRUTH"], "w") as fh:
        json.dump(RESULTS, fh)
"""

PROJECT = {
    "conftest.py": TRUTH_PLUGIN,
    "helper.py": """
        def lookup(d, k):
            return d[k]
        def add(a, b):
            return a + b
        def deep(d):
            return middle(d)
        def middle(d):
            return lookup(d, "z")
        def parse_port(text):
            '''The port of `host:port` (long reports show this docstring's traceback).

            >>> parse_port("db")
            Traceback (most recent call last):
            ...
            ValueError: not enough values to unpack (expected 2, got 1)
            '''
            host, port = text.split(":")
            return int(port)
    """,
    "tests/test_main.py": """
        import logging
        import pytest
        from helper import add, deep, lookup, parse_port

        def wrap():
            try:
                lookup({}, "k")
            except KeyError as e:
                raise RuntimeError("wrapped") from e

        def test_docstring_with_a_traceback():
            assert parse_port("db") == 5432

        def test_key():
            lookup({}, "missing")

        def test_assert_rewrite():
            assert add(1, 2) == 4

        def test_chain():
            wrap()

        def test_deep_auto_mixes_long_and_short():
            deep({})

        class TestGroup:
            @pytest.mark.parametrize("x", [1, 2.5])
            def test_param(self, x):
                print("captured out")
                assert x == 3, "x should be 3"

        @pytest.fixture
        def broken():
            raise ValueError("fixture broke")

        def test_uses_broken(broken):
            pass

        def test_missing_fixture(nothere):
            pass

        def test_logs_then_fails():
            try:
                1 / 0
            except ZeroDivisionError:
                logging.getLogger("app").exception("handled a division")
            raise LookupError("after logging")

        def test_multiline_message():
            raise ValueError("line one\\nline two")
    """,
    "tests/test_broken_import.py": """
        import not_a_module_anywhere
    """,
}


def make_project(root: Path) -> Path:
    for name, text in PROJECT.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def run_pytest(root: Path, style: str, *extra: str) -> tuple[str, list[dict[str, Any]]]:
    truth_file = root / f"truth-{style}.json"
    env = {**os.environ, "TB_TRUTH": str(truth_file), "PYTHONPATH": str(root)}
    env.pop("PYTEST_ADDOPTS", None)
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--tb={style}"]
    cmd += ["--continue-on-collection-errors", "-o", "addopts=", "--rootdir", str(root), *extra]
    proc = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-2000:]
    return proc.stdout, json.loads(truth_file.read_text())


@pytest.fixture(scope="module")
def runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Path, str, list[dict[str, Any]]]]:
    out = {}
    for style in STYLES:
        root = make_project(tmp_path_factory.mktemp(f"proj-{style}"))
        text, truth = run_pytest(root, style)
        out[style] = (root, text, truth)
    return out


def _test_traces(traces: list[Trace]) -> dict[str, Trace]:
    return {t.test_id: t for t in traces if t.test_id and t.format in ("pytest", "pytest-line")}


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
def test_every_failure_is_read_with_its_node_id(runs: dict[str, Any], style: str) -> None:
    _root, text, truth = runs[style]
    by_id = _test_traces(parse_all(text))
    want = {t["nodeid"] for t in truth}
    assert set(by_id) == want


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
def test_crash_location_and_type_match_pytest(runs: dict[str, Any], style: str) -> None:
    root, text, truth = runs[style]
    by_id = _test_traces(parse_all(text))
    checked = 0
    for t in truth:
        trace = by_id[t["nodeid"]]
        crash_type = re.match(r"^([\w.]+)(?::|$)", t["message"] or "")
        if crash_type and not t["message"].startswith("assert"):
            assert trace.final.short_type == crash_type.group(1).rsplit(".", 1)[-1], t
        if t["when"] == "collect" or not trace.final.frames or t["path"] is None:
            continue
        last = trace.final.frames[-1]
        assert (root / last.file).resolve() == Path(t["path"]).resolve(), (style, t)
        assert last.line == t["lineno"], (style, t)
        checked += 1
    assert checked >= 7


@pytest.mark.slow
@pytest.mark.parametrize("style", ("auto", "long", "short", "native"))
def test_frames_carry_functions_and_sources(runs: dict[str, Any], style: str) -> None:
    root, text, _truth = runs[style]
    by_id = _test_traces(parse_all(text))
    deep = by_id["tests/test_main.py::test_deep_auto_mixes_long_and_short"]
    repo = [f for f in deep.final.frames if "site-packages" not in f.file]
    assert [f.function for f in repo] == [
        "test_deep_auto_mixes_long_and_short",
        "deep",
        "middle",
        "lookup",
    ]
    helper = (root / "helper.py").read_text().splitlines()
    for f in repo[1:]:
        assert f.source == helper[f.line - 1].strip()  # type: ignore[operator]
    chain = by_id["tests/test_main.py::test_chain"]
    assert [r.type for r in chain.chain] == ["KeyError", "RuntimeError"]
    assert chain.chain[0].relation == "cause"
    rewrite = by_id["tests/test_main.py::test_assert_rewrite"].final
    assert rewrite.type == "AssertionError"
    assert "assert 3 == 4" in rewrite.message


@pytest.mark.slow
def test_primary_is_the_last_failure_not_captured_log(runs: dict[str, Any]) -> None:
    _root, text, truth = runs["long"]
    primary = parse(text)
    last_failed = [t["nodeid"] for t in truth if t["when"] in ("call", "setup")][-1]
    assert primary.test_id == last_failed
    captured = [t for t in parse_all(text) if t.format not in ("pytest", "pytest-line")]
    assert any(t.final.type == "ZeroDivisionError" for t in captured)


@pytest.mark.slow
def test_summary_lines_alone(runs: dict[str, Any]) -> None:
    _root, text, truth = runs["short"]
    summary = text[text.index("short test summary info") - 40 :]
    summary = summary[summary.index("\n") + 1 :]
    traces = parse_all(summary)
    assert {t.test_id for t in traces} == {t["nodeid"] for t in truth}
    assert all(t.format == "pytest-summary" and t.truncated for t in traces)


@pytest.mark.slow
def test_short_entries_pasted_without_their_header(runs: dict[str, Any]) -> None:
    _root, text, _truth = runs["short"]
    lines = text.split("\n")
    start = next(
        i for i, ln in enumerate(lines) if ln.endswith(" test_chain ") or " test_chain _" in ln
    )
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("____"))
    trace = parse("\n".join(lines[start + 1 : end]))
    assert trace.format == "pytest"
    assert [r.type for r in trace.chain] == ["KeyError", "RuntimeError"]
    assert [f.function for f in trace.final.frames] == ["test_chain", "wrap"]
