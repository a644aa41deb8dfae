"""`debugai eval` on the committed cases: scores, baselines, reports, regressions and floors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import debugai.cli  # noqa: F401
from debugai.cli_app import app
from debugai.evals import harness, report
from debugai.evals.case import discover

runner = CliRunner()
CASES = "none-propagation-*"


def test_engine_beats_the_innermost_frame_on_cross_file_none_bugs() -> None:
    results = harness.run_all(discover(pattern=CASES), "static", jobs=1)
    assert len(results) >= 3 and not any(r.error for r in results)
    summary = harness.aggregate(results)["overall"]
    assert summary["engine"]["func_at1"] > summary["innermost_frame"]["func_at1"]
    assert summary["engine"]["context_recall"] >= summary["engine"]["func_at1"]
    assert summary["engine"]["invalid_citations"] == 0.0


def test_cli_writes_reports_and_flags_regressions(tmp_path: Path) -> None:
    out = tmp_path / "rep"
    res = runner.invoke(app, ["eval", "--cases", CASES, "--jobs", "1", "--report", str(out)])
    assert res.exit_code == 0, res.output
    assert "overall" in res.output and "1 frame" in res.output
    data = json.loads((out / "report.json").read_text())
    md = (out / "report.md").read_text()
    assert "xychart-beta" in md and "| none-propagation |" in md
    assert data["summary"]["overall"]["engine"]["cases"] >= 3
    # A previous run that scored higher than this one must be flagged.
    better = json.loads(json.dumps(data))
    better["summary"]["overall"]["engine"]["func_at1"] = 1.5
    (tmp_path / "prev.json").write_text(json.dumps(better))
    res = runner.invoke(
        app, ["eval", "--cases", CASES, "--jobs", "1", "--compare", str(tmp_path / "prev.json")]
    )
    assert res.exit_code == 0
    assert "REGRESSION overall: func_at1" in res.output
    assert report.regressions(data, data) == []


def test_floor_failure_exits_5(tmp_path: Path) -> None:
    floor = tmp_path / "floor.toml"
    floor.write_text("[static]\nfunc_at1 = 1.01\n")
    res = runner.invoke(app, ["eval", "--cases", CASES, "--jobs", "1", "--floor", str(floor)])
    assert res.exit_code == 5
    floor.write_text("[static]\nfunc_at1 = 0.1\ninvalid_citations = 0.0\n")
    res = runner.invoke(app, ["eval", "--cases", CASES, "--jobs", "1", "--floor", str(floor)])
    assert res.exit_code == 0, res.output


def test_unknown_cases_and_engine_are_usage_errors() -> None:
    assert runner.invoke(app, ["eval", "--cases", "no-such-*"]).exit_code == 2
    assert runner.invoke(app, ["eval", "--engine", "gpt"]).exit_code == 2


def test_committed_floor_is_met_by_the_committed_report() -> None:
    root = Path(__file__).resolve().parents[2] / "evals"
    committed = report.load(root / "reports" / "static" / "report.json")
    assert committed is not None
    assert report.below_floor(committed, root / "floor.toml") == []
