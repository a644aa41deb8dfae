"""Static engine with and without `--run`, on real-bug cases whose failing test re-runs here.

    python -m debugai.evals.realbench.rerun [--select files|tests] [--out evals/reports/real/rerun]
                                            CASE_DIR...

For each case: the buggy checkout and its virtualenv (as `build` makes them, under
DEBUGAI_REAL_WORK), then the committed trace explained twice, once statically and once with
`--run "<venv python> -m pytest -p no:cacheprovider <selection>"` in the case's test
environment. `--select files` re-runs the failing tests' whole files (so passing tests give a
spectrum), `--select tests` only the failing node ids. Ranks are by function, as in `score`.
Both runs use the shipped static weights, so the difference is the runtime evidence alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from debugai.evals.realbench.build import BuildRefused, _test_env, test_args, venv_for
from debugai.evals.realbench.case import RealCase, load
from debugai.evals.realbench.score import Namer, ensure_checkout, rank_of

KS = (1, 3, 5)


@dataclass(slots=True)
class Row:
    id: str
    project: str
    error_type: str
    status: str = "ok"  # ok | skipped | not-reproduced
    reason: str = ""
    static_rank: int | None = None
    run_rank: int | None = None
    seconds: float | None = None
    plain_seconds: float | None = None
    overhead: float | None = None
    backend: str = ""
    tests: dict[str, int] = field(default_factory=dict)
    top_static: str = ""
    top_run: str = ""


def command_for(case: RealCase, venv: Path, select: str) -> str | None:
    args, chosen = test_args(case.tests)
    if chosen:  # a test inside a package's __init__.py needs the outcomes plugin's selection
        return None
    if select == "files":
        args = list(dict.fromkeys(a.split("::", 1)[0] for a in args))
    return " ".join([str(venv / "bin/python"), "-m", "pytest", "-p", "no:cacheprovider", *args])


def one(case: RealCase, select: str, timeout: float) -> Row:
    from debugai.agent.runtime import RunSpec
    from debugai.api import explain, open_index
    from debugai.config import Config

    row = Row(case.id, case.project, str(case.trace.get("error_type", "?")))
    try:
        src = ensure_checkout(case)
        venv = venv_for(case)
    except BuildRefused as exc:
        row.status, row.reason = "skipped", str(exc)
        return row
    command = command_for(case, venv, select)
    if command is None:
        row.status, row.reason = "skipped", "test inside a package __init__"
        return row
    text = (case.dir / "trace.txt").read_text("utf-8", "replace")
    workdir = case.trace.get("workdir")
    path_map = [(str(workdir), str(src))] if workdir and workdir != str(src) else []
    index = open_index(src)
    config = Config(run_log=False)
    namer = Namer(src)
    static = explain(text, src, engine="static", path_map=path_map, index=index, config=config)
    row.static_rank = rank_of([(c.file, c.line) for c in static.candidates], case, namer)[0]
    spec = RunSpec(command=command, timeout=timeout, env=_test_env(case, src, venv))
    ran = explain(
        text, src, engine="static", path_map=path_map, index=index, config=config, run=spec
    )
    row.run_rank = rank_of([(c.file, c.line) for c in ran.candidates], case, namer)[0]
    if static.candidates:
        row.top_static = f"{static.candidates[0].file}:{static.candidates[0].symbol}"
    if ran.candidates:
        row.top_run = f"{ran.candidates[0].file}:{ran.candidates[0].symbol}"
    if ran.run is not None:
        row.seconds, row.overhead, row.backend = (
            ran.run.seconds,
            ran.run.tracer_overhead,
            ran.run.backend,
        )
        row.tests = {"passed": ran.run.tests_passed, "failed": ran.run.tests_failed}
        if not ran.run.reproduced:
            row.status, row.reason = "not-reproduced", ran.run.note
    return row


def _at(ranks: list[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def summary(rows: list[Row]) -> dict[str, Any]:
    used = [r for r in rows if r.status != "skipped"]
    out: dict[str, Any] = {"cases": len(used), "reproduced": sum(r.status == "ok" for r in used)}
    for name, attr in (("static", "static_rank"), ("run", "run_rank")):
        out[name] = {f"func@{k}": _at([getattr(r, attr) for r in used], k) for k in KS}
    overheads = [r.overhead for r in used if r.overhead is not None]
    if overheads:
        out["overhead_median"] = statistics.median(overheads)
        out["overhead_max"] = max(overheads)
    return out


def markdown(rows: list[Row], select: str, seconds: float) -> str:
    s = summary(rows)
    lines = [
        "# Runtime evidence on the real-bug benchmark (`--run`)",
        "",
        f"`python -m debugai.evals.realbench.rerun --select {select}` over {s['cases']} cases "
        f"whose failing test re-runs here ({s['reproduced']} reproduced); {seconds:.0f} s in all. "
        "Function-level ranks, shipped static weights in both columns (in-sample for the "
        "static engine, the same for both), so the difference is the run's evidence.",
        "",
        "| | func@1 | func@3 | func@5 |",
        "|---|---|---|---|",
    ]
    for name in ("static", "run"):
        row = s[name]
        lines.append(
            f"| {name} | " + " | ".join(f"{100 * row[f'func@{k}']:.0f}%" for k in KS) + " |"
        )
    if "overhead_median" in s:
        lines += [
            "",
            f"Tracer overhead (traced / plain seconds of the same command, same run): median "
            f"{s['overhead_median']:.2f}x, max {s['overhead_max']:.2f}x.",
        ]
    lines += ["", "| case | error | static | --run | tests p/f | overhead | note |", "|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in rows:
        ov = f"{r.overhead:.2f}x" if r.overhead is not None else ""
        tests = f"{r.tests.get('passed', 0)}/{r.tests.get('failed', 0)}" if r.tests else ""
        note = r.reason[:90] if r.status != "ok" else ""
        lines.append(
            f"| {r.id} | {r.error_type} | {r.static_rank or '-'} | {r.run_rank or '-'} | "
            f"{tests} | {ov} | {note} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debugai.evals.realbench.rerun")
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--select", choices=("files", "tests"), default="files")
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--out", default="evals/reports/real/rerun")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    rows = []
    for d in args.dirs:
        case = load(d)
        try:
            row = one(case, args.select, args.timeout)
        except Exception as exc:  # one case failing is reported, not fatal
            row = Row(case.id, case.project, "?", "skipped", f"{type(exc).__name__}: {exc}"[:200])
        print(f"{row.id}: static {row.static_rank} run {row.run_rank} {row.status} {row.reason[:80]}",
              flush=True)  # fmt: skip
        rows.append(row)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    seconds = time.perf_counter() - t0
    Path(f"{out}.md").write_text(markdown(rows, args.select, seconds), "utf-8")
    data = {"select": args.select, "summary": summary(rows), "cases": [asdict(r) for r in rows]}
    Path(f"{out}.json").write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    print(json.dumps(summary(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
