"""Benchmark: the `--run` tracer's overhead against the same command run plainly, same run.

    python bench/bench_rerun.py [--cases N] [--repeat N] [--timeout S] [--no-focus] [CASE_DIR ...]

Two workloads, each timed plainly and under the probe (agent/runtime/probe.py), interleaved,
best of --repeat kept (a shared VM's speed drifts):

    synthetic  a generated project whose failing pytest run spends its time in repository code
               (the tracer's worst case: every line it runs is recorded); needs nothing
    real       the real-bug benchmark's failing test files (evals/real), in their own
               checkouts and virtualenvs as `python -m debugai.evals.realbench build` makes them
               under DEBUGAI_REAL_WORK (mirrors and old Pythons: by hand); --cases N picks N
               spread over the projects, or name CASE_DIRs

Each command is traced as `explain --run` traces it: focused on the failing test its trace names
(only that test's returns are recorded); --no-focus records every test's, as with no trace.
Prints each command's plain and traced seconds and their ratio, then the median and the worst
against the target: traced <= 3x plain. Not a timed test: run it by hand.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import sys
import tempfile
from pathlib import Path

TARGET = 3.0

_WORK = """
def checksum(values):
    total = 0
    for i, v in enumerate(values):
        if i % 3 == 0:
            total += v * 2
        else:
            total -= v
    return total


def table(n):
    return [checksum(range(k, k + 50)) for k in range(n)]
"""
_TESTS = """
from work.core import table


def test_big():
    assert len(table(4000)) == 4000


def test_sum():
    assert sum(table(3000)) == 1  # wrong on purpose: the run must fail to be re-run
"""


def synthetic(folder: Path) -> tuple[Path, str, dict[str, str]]:
    root = folder / "synthetic"
    (root / "work").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "work/__init__.py").write_text("")
    (root / "work/core.py").write_text(_WORK)
    (root / "tests/__init__.py").write_text("")
    (root / "tests/test_work.py").write_text(_TESTS)
    command = f"{shlex.quote(sys.executable)} -m pytest -q -p no:cacheprovider tests"
    return root, command, dict(os.environ)


def real(dirs: list[str], n: int) -> list[tuple[str, Path, str, dict[str, str], str]]:
    from debugai.agent.traceback import parse
    from debugai.evals.realbench.build import BuildRefused, _test_env, venv_for
    from debugai.evals.realbench.case import REAL_DIR, load
    from debugai.evals.realbench.rerun import command_for
    from debugai.evals.realbench.score import ensure_checkout

    if dirs:
        chosen = [Path(d) for d in dirs]
    else:
        by_project: dict[str, list[Path]] = {}
        for d in sorted(REAL_DIR.iterdir()):
            if (d / "case.toml").is_file():
                by_project.setdefault(d.name.rsplit("-", 1)[0], []).append(d)
        chosen = []
        while len(chosen) < n and any(by_project.values()):
            for cases in by_project.values():
                if cases and len(chosen) < n:
                    chosen.append(cases.pop(0))
    out = []
    for d in chosen:
        case = load(d)
        try:
            src = ensure_checkout(case)
            venv = venv_for(case)
        except BuildRefused as exc:
            print(f"  {case.id}: skipped ({exc})")
            continue
        command = command_for(case, venv, "files")
        if command is not None:
            # the failing test as `explain --run` reads it from the trace (RunSpec.focus)
            focus = parse((d / "trace.txt").read_text("utf-8", "replace")).test_id or ""
            out.append((case.id, src, command, _test_env(case, src, venv), focus))
    return out


def measure(root: Path, command: str, env: dict[str, str], focus: str, repeat: int, timeout: float) -> tuple[float, float] | None:  # fmt: skip
    """(best plain seconds, best traced seconds), or None when the command did not fail."""
    from debugai.agent.runtime.run import RunSpec, run_observed

    plain: list[float] = []
    traced: list[float] = []
    for _ in range(repeat):
        obs = run_observed(RunSpec(command, timeout=timeout, env=env, focus=focus), root)
        if obs.plain_seconds is None or obs.problem or obs.timed_out:
            print(f"    not measured: {obs.problem or 'no plain run'}")
            return None
        plain.append(obs.plain_seconds)
        traced.append(obs.seconds)
    return min(plain), min(traced)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/bench_rerun.py")
    parser.add_argument("dirs", nargs="*", help="real-bug case directories (default: --cases)")
    parser.add_argument("--cases", type=int, default=20, help="real cases spread over projects")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--no-real", action="store_true", help="the synthetic workload only")
    parser.add_argument(
        "--no-focus", action="store_true",
        help="record every test's returns, not only the failing test's (as without a trace)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    ratios: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-rerun-") as tmp:
        root, command, env = synthetic(Path(tmp))
        # the synthetic run's failing test, named as pytest's summary names it
        work = [("synthetic", root, command, env, "tests/test_work.py::test_sum")]
        if not args.no_real:
            work += real(args.dirs, args.cases)
        print(f"{'command':<22} {'plain s':>9} {'traced s':>9} {'ratio':>7}")
        for name, src, cmd, cenv, focus in work:
            got = measure(src, cmd, cenv, "" if args.no_focus else focus, args.repeat, args.timeout)
            if got is None:
                print(f"{name:<22} {'-':>9} {'-':>9} {'-':>7}")
                continue
            p, t = got
            ratios.append((name, t / p))
            print(f"{name:<22} {p:>9.2f} {t:>9.2f} {t / p:>6.2f}x", flush=True)
    if not ratios:
        print("nothing measured")
        return 1
    values = [r for _, r in ratios]
    worst = max(ratios, key=lambda x: x[1])
    verdict = "ok" if worst[1] <= TARGET else "OVER"
    print(
        f"\n{len(values)} commands: median {statistics.median(values):.2f}x, worst "
        f"{worst[1]:.2f}x ({worst[0]}); target <= {TARGET:g}x: {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
