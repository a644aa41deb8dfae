"""Benchmark: `explain` with the static engine on a warm index of the CPython standard library.

    python bench/bench_explain.py [--runs 5]

A real traceback is raised from inside the stdlib (a None handed to email.utils deep in the
call chain), then explained against the stdlib as the repository. Prints the time of each stage
and the end-to-end median, against the target of 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

from debugai.agent.context import Hint, select_context
from debugai.agent.render import render_json
from debugai.agent.static.engine import StaticEngine
from debugai.api import explain, open_index, read_trace

SCRIPT = """
import email.utils, json
def parse(header):
    return email.utils.parsedate_to_datetime(header)
print(parse(json.loads('{"date": null}')["date"]))
"""
TARGET_SECONDS = 1.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    trace_text = proc.stderr
    assert proc.returncode != 0 and "Traceback" in trace_text, proc.stderr

    t = time.perf_counter()
    open_index(stdlib)
    print(f"index (cold or refreshed, not counted): {time.perf_counter() - t:.2f}s")

    stages: dict[str, list[float]] = {}
    totals = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        idx = open_index(stdlib)
        t1 = time.perf_counter()
        trace = read_trace(trace_text, idx)
        t2 = time.perf_counter()
        diag = StaticEngine().diagnose(trace, idx)
        t3 = time.perf_counter()
        hints = [Hint(c.file, c.line, c.symbol, c.why, c.score) for c in diag.candidates]
        select_context(trace, idx, 8000, hints)
        t4 = time.perf_counter()
        render_json(diag)
        t5 = time.perf_counter()
        for name, dt in (
            ("warm index load", t1 - t0),
            ("read + locate trace", t2 - t1),
            ("static engine", t3 - t2),
            ("context selection", t4 - t3),
            ("render json", t5 - t4),
        ):
            stages.setdefault(name, []).append(dt)
        t = time.perf_counter()
        full = explain(trace_text, stdlib, engine="static")
        totals.append(time.perf_counter() - t)
    print(
        f"root cause: {full.root_cause.file}:{full.root_cause.line} {full.root_cause.symbol}"
        if full.root_cause
        else "root cause: none"
    )
    for name, times in stages.items():
        print(f"  {name:<22} {statistics.median(times) * 1000:8.1f} ms")
    med = statistics.median(totals)
    print(
        f"explain end to end (median of {args.runs}): {med:.3f}s "
        f"= {med / TARGET_SECONDS:.2f}x the 1 s target"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
