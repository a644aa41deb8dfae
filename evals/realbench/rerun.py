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

from debugai.agent.runtime.combine import NAMES as RUN_NAMES
from debugai.evals.realbench import fit, runfit
from debugai.evals.realbench.build import BuildRefused, _test_env, test_args, venv_for
from debugai.evals.realbench.case import RealCase, load, work_dir
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


def _group(case: RealCase, cands: list[Any], namer: Namer, ev: Any, index: Any) -> fit.Group:
    """The candidates as a fit group; with `ev`, the run's features beside the static ones."""
    from debugai.agent.runtime import combine

    truth = {(loc.file, loc.function) for loc in case.locations}
    files = sorted({loc.file for loc in case.locations})
    g = fit.Group(case.id, case.project, [], [], [], files, [])
    for c in cands:
        row = {k: v for k, v in c.features.items() if v}
        if ev is not None:
            feats = combine.features(ev, c, index).items()
            row.update({runfit.PREFIX + k: v for k, v in feats if v})
        fn = namer.function(c.file, c.line)
        g.rows.append(row)
        g.labels.append(fn in truth)
        g.files.append(c.file)
        g.funcs.append(f"{fn[0]}::{fn[1]}")
    return g


def one(case: RealCase, select: str, timeout: float) -> tuple[Row, runfit.Pair | None]:
    """Re-run one case once; its ranks with the shipped weights and its candidates for fitting."""
    from debugai.agent.runtime import RunSpec, observe
    from debugai.agent.static.engine import StaticEngine
    from debugai.api import open_index, read_trace

    row = Row(case.id, case.project, str(case.trace.get("error_type", "?")))
    try:
        src = ensure_checkout(case)
        venv = venv_for(case)
    except BuildRefused as exc:
        row.status, row.reason = "skipped", str(exc)
        return row, None
    command = command_for(case, venv, select)
    if command is None:
        row.status, row.reason = "skipped", "test inside a package __init__"
        return row, None
    text = (case.dir / "trace.txt").read_text("utf-8", "replace")
    workdir = case.trace.get("workdir")
    path_map = [(str(workdir), str(src))] if workdir and workdir != str(src) else []
    index = open_index(src)
    trace = read_trace(text, index, path_map)
    namer = Namer(src)
    static = StaticEngine(use_git=False).candidates(trace, index)
    spec = RunSpec(command=command, timeout=timeout, env=_test_env(case, src, venv))
    ev = observe(spec, trace, index)
    ran = StaticEngine(use_git=False, runtime=ev).candidates(trace, index)
    row.static_rank = rank_of([(c.file, c.line) for c in static], case, namer)[0]
    row.run_rank = rank_of([(c.file, c.line) for c in ran], case, namer)[0]
    if static:
        row.top_static = f"{static[0].file}:{static[0].symbol}"
    if ran:
        row.top_run = f"{ran[0].file}:{ran[0].symbol}"
    obs = ev.observation
    row.seconds, row.overhead, row.backend = obs.seconds, obs.overhead, obs.backend
    row.tests = {"passed": obs.count("passed"), "failed": obs.count("failed")}
    if not ev.reproduced:
        row.status, row.reason = "not-reproduced", ev.note
    pair = runfit.Pair(
        _group(case, static, namer, None, index),
        _group(case, ran, namer, ev if ev.reproduced else None, index),
    )
    return row, pair


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


def held_out_static(projects: list[str]) -> dict[str, Any]:
    """project -> static weights fitted without it (from `fit`'s features, as `score --lopo`)."""
    from debugai.agent.static import ranking
    from debugai.evals.realbench.score import held_out_weights

    files = held_out_weights(projects)
    return {
        p: ranking.weights_from(json.loads(Path(f).read_text("utf-8"))) for p, f in files.items()
    }


def markdown(rows: list[Row], select: str, seconds: float, held: dict[str, Any] | None) -> str:
    s = summary(rows)
    lines = [
        "# Runtime evidence on the real-bug benchmark (`--run`)",
        "",
        f"`python -m debugai.evals.realbench.rerun --select {select}` over {s['cases']} cases "
        f"whose failing test re-runs here ({s['reproduced']} reproduced); {seconds:.0f} s in all. "
        "Ranks are by function, as in `score`.",
        "",
    ]
    if held is not None:
        hs = held["summary"]
        lines += [
            "## Leave one project out (the figures that count)",
            "",
            "For a held-out project the static weights are fitted without it (as `score --lopo`) "
            "and so are the run's coefficients (evals/realbench/runfit.py): neither column has "
            f"seen the cases it is scored on. {hs['cases']} cases.",
            "",
            "| | func@1 | func@3 | func@5 |",
            "|---|---|---|---|",
        ]
        for name in ("static", "run"):
            lines.append(
                f"| {name} | "
                + " | ".join(f"{100 * hs[name][f'func@{k}']:.0f}%" for k in KS)
                + " |"
            )
        lines += ["", "| project | cases | static func@1 | run func@1 | static func@5 | run func@5 |", "|---|---|---|---|---|---|"]  # fmt: skip
        for proj, ps in hs["projects"].items():
            lines.append(
                f"| {proj} | {ps['cases']} | {100 * ps['static@1']:.0f}% | {100 * ps['run@1']:.0f}% "
                f"| {100 * ps['static@5']:.0f}% | {100 * ps['run@5']:.0f}% |"
            )
        lines += ["", "Coefficients fitted without each project:", "", "| held out | " + " | ".join(RUN_NAMES) + " |", "|---|" + "---|" * len(RUN_NAMES)]  # fmt: skip
        for proj, co in held["coefficients"].items():
            lines.append(f"| {proj} | " + " | ".join(f"{co[n]:+.2f}" for n in RUN_NAMES) + " |")  # fmt: skip
        pins = ", ".join(f"{n} {v:+.2f}" for n, v in runfit.PINNED.items())
        lines += ["", f"Pinned, not fitted (runfit.PINNED, which says why): {pins}.", ""]
    lines += [
        "## Shipped weights and coefficients (in-sample)",
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
    ranks = held["ranks"] if held is not None else {}
    lines += ["", "| case | error | static | --run | LOPO static | LOPO run | tests p/f | overhead | note |", "|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in rows:
        ov = f"{r.overhead:.2f}x" if r.overhead is not None else ""
        tests = f"{r.tests.get('passed', 0)}/{r.tests.get('failed', 0)}" if r.tests else ""
        note = r.reason[:90] if r.status != "ok" else ""
        ls, lr = ranks.get(r.id, (None, None))
        lines.append(
            f"| {r.id} | {r.error_type} | {r.static_rank or '-'} | {r.run_rank or '-'} | "
            f"{ls or '-'} | {lr or '-'} | {tests} | {ov} | {note} |"
        )
    return "\n".join(lines) + "\n"


def pairs_path() -> Path:
    return work_dir() / "rerun_groups.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debugai.evals.realbench.rerun")
    parser.add_argument("dirs", nargs="*")
    parser.add_argument("--select", choices=("files", "tests"), default="files")
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--out", default="evals/reports/real/rerun")
    parser.add_argument(
        "--refit", action="store_true",
        help="no re-runs: fit and score from the candidates the last run saved",
    )  # fmt: skip
    parser.add_argument(
        "--write", action="store_true",
        help="write the coefficients fitted on every case to agent/runtime/weights.json",
    )  # fmt: skip
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    out = Path(args.out)
    if args.refit:
        data = json.loads(Path(f"{out}.json").read_text("utf-8"))
        rows = [Row(**r) for r in data["cases"]]
        pairs = runfit.load_pairs(pairs_path())
        seconds = float(data.get("seconds", 0.0))
    else:
        if not args.dirs:
            parser.error("name the case directories (or --refit)")
        rows, pairs = [], []
        for d in args.dirs:
            case = load(d)
            try:
                row, pair = one(case, args.select, args.timeout)
            except Exception as exc:  # one case failing is reported, not fatal
                row, pair = Row(case.id, case.project, "?", "skipped", f"{type(exc).__name__}: {exc}"[:200]), None  # fmt: skip
            print(f"{row.id}: static {row.static_rank} run {row.run_rank} {row.status} {row.reason[:80]}",
                  flush=True)  # fmt: skip
            rows.append(row)
            if pair is not None and row.status != "skipped":
                pairs.append(pair)
        runfit.save_pairs(pairs, pairs_path())
        seconds = time.perf_counter() - t0
    held = None
    if pairs and fit.features_path().is_file():
        static_w = held_out_static(sorted({p.run.project for p in pairs}))
        held = runfit.lopo(pairs, static_w, runfit.PINNED)
        if args.write:
            coef = runfit.fit_all(pairs, static_w, runfit.PINNED)
            target = Path(__file__).resolve().parents[2] / "agent/runtime/weights.json"
            target.write_text(runfit.to_json(coef, f"{len(pairs)} re-run real cases"), "utf-8")
            print(f"wrote {target}")
    else:
        print(f"no static features at {fit.features_path()}: run `fit` first for the LOPO columns")
    out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{out}.md").write_text(markdown(rows, args.select, seconds, held), "utf-8")
    data = {"select": args.select, "seconds": round(seconds, 1), "summary": summary(rows),
            "lopo": held["summary"] if held else None, "cases": [asdict(r) for r in rows]}  # fmt: skip
    Path(f"{out}.json").write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    print(json.dumps({"shipped": summary(rows), "lopo": held["summary"] if held else None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
