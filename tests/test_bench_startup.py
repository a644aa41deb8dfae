"""bench/bench_startup.py runs end to end and reports every command against its baseline
(the timings themselves are not asserted: speed targets live in bench/, not in tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "bench_startup.py"


def test_bench_startup_runs_and_prints_each_command_against_its_target() -> None:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    rows = {line.split("  ")[0].strip(): line for line in proc.stdout.splitlines()}
    assert "python -c pass" in rows
    assert "<= 0.3 s" in rows["debugai --help"]
    assert "<= 0.5 s" in rows["warm explain"]
    # The baseline is its own unit: its ratio column is exactly 1.0.
    assert rows["python -c pass"].split()[5] == "1.0"


def test_bench_startup_rejects_a_bad_run_count() -> None:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--runs", "0"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["bench_startup: --runs must be at least 1"]
