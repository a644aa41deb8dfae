"""Benchmark: start-up of the `debugai` command and a warm `explain` on the shipped example.

    python bench/bench_startup.py [--runs 7] [--debugai PATH]

Times, each in a fresh process, the median of `--runs` runs of:

- `python -c pass`: the interpreter's own start-up, the baseline measured in the same run;
- `debugai --help`: target <= 0.3 s;
- `debugai explain examples/shop/trace.txt --repo examples/shop --engine static` with the
  index already cached (one unmeasured run first makes it warm): target <= 0.5 s end to end.

Wall seconds and CPU seconds (user + system of the child, from `getrusage`) are both printed,
with each median's ratio to the interpreter's start-up and to its target. On a machine shared
with other work the CPU seconds are the steadier figure; the verdict is given on both.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "shop"
TARGETS = {"debugai --help": 0.3, "warm explain": 0.5}


@dataclass
class Timing:
    wall: float
    cpu: float


def _debugai_command(given: str | None) -> list[str]:
    """The console script users run, next to this interpreter; else the same entry point."""
    if given:
        return [given]
    beside = Path(sys.executable).parent / "debugai"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("debugai")
    if found:
        return [found]
    return [sys.executable, "-c", "from debugai.cli import main; main()"]


def time_once(argv: list[str]) -> Timing:
    """Wall and CPU seconds of one child process; fails loudly if the command fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, env=_env())
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"bench_startup: {' '.join(argv)} exited {proc.returncode}: {proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # The static engine only: no model endpoint is consulted, whatever the caller's shell says.
    for key in ("DEBUGAI_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        env.pop(key, None)
    return env


def median_timing(argv: list[str], runs: int) -> Timing:
    times = [time_once(argv) for _ in range(runs)]
    return Timing(statistics.median(t.wall for t in times), statistics.median(t.cpu for t in times))


def commands(debugai: list[str]) -> dict[str, list[str]]:
    trace = str(EXAMPLE / "trace.txt")
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "debugai --help": [*debugai, "--help"],
        "warm explain": [*debugai, "explain", trace, "--repo", str(EXAMPLE), "--engine", "static"],
    }


def report(results: dict[str, Timing]) -> list[str]:
    base = results["python -c pass"]
    lines = [f"{'command':<16} {'wall s':>7} {'cpu s':>7} {'wall/py':>8} {'cpu/py':>7}  target"]
    for name, t in results.items():
        row = f"{name:<16} {t.wall:7.3f} {t.cpu:7.3f} {t.wall / base.wall:8.1f} {t.cpu / max(base.cpu, 1e-6):7.1f}"
        target = TARGETS.get(name)
        if target is not None:
            verdict = "met" if t.wall <= target else "NOT met"
            cpu_verdict = "met" if t.cpu <= target else "NOT met"
            row += (
                f"  <= {target:.1f} s: wall {t.wall / target:.2f}x ({verdict}),"
                f" cpu {t.cpu / target:.2f}x ({cpu_verdict})"
            )
        lines.append(row)
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=7, help="runs per command (median is printed)")
    ap.add_argument("--debugai", help="the debugai executable (default: beside this python)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        print("bench_startup: --runs must be at least 1", file=sys.stderr)
        return 2
    cmds = commands(_debugai_command(args.debugai))
    time_once(cmds["warm explain"])  # makes the example's index warm; not counted
    results = {name: median_timing(argv_, args.runs) for name, argv_ in cmds.items()}
    print(f"median of {args.runs} runs, each in a fresh process")
    for line in report(results):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
