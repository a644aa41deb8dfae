"""Score an engine on the real-bug benchmark next to the frame baselines.

Every case runs in worker processes (a bounded pool): `prepare` indexes the buggy checkout and
reads the trace's frames, then `explain` runs the engine under a hard time limit (killed past it).
A system's ranked places are named by the innermost function or class holding each line
(`spans.qualname_at`), the same way the truth is, and compared as (file, function).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from debugai.evals.realbench import spans as spans_mod
from debugai.evals.realbench.build import BuildRefused, checkout, is_test_path
from debugai.evals.realbench.case import REAL_DIR, RealCase, load_all, mirror_of, work_dir

SYSTEMS = ("engine", "innermost_frame", "all_frames")
KS = (1, 3, 5)
HARD_LIMIT = 60.0
PREPARE_LIMIT = 600.0
REPORT_DIR = REAL_DIR.parent / "reports" / "real"


@dataclass(slots=True)
class CaseScore:
    id: str
    project: str
    error_type: str
    root_in_traceback: bool
    status: str = "ok"  # ok | timeout | crash | refused | skipped
    reason: str = ""
    ranks: dict[str, int | None] = field(default_factory=dict)  # system -> 1-based func rank
    file_ranks: dict[str, int | None] = field(default_factory=dict)
    context_hit: bool | None = None
    seconds: float | None = None
    index_seconds: float | None = None
    top: str = ""


def ensure_checkout(case: RealCase) -> Path:
    """The buggy checkout, recreated from the mirror when it is missing.

    Under a lock per case: two scorers sharing a work folder must not rebuild it at once.
    """
    src = work_dir() / "work" / case.id / "src"
    src.parent.mkdir(parents=True, exist_ok=True)
    with open(src.parent / "checkout.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (src / ".git").exists():
            proc = subprocess.run(
                ["git", "-C", str(src), "rev-parse", "HEAD"], capture_output=True, text=True
            )
            if proc.stdout.strip() == case.buggy_commit:
                return src
        mirror = mirror_of(case)
        if not (mirror / "HEAD").is_file():
            raise BuildRefused(f"no mirror at {mirror} (fetch github:{case.repo})")
        checkout(case, mirror, src, buggy=True)
    return src


def _worker(args: list[str], limit: float) -> tuple[str, dict[str, Any]]:
    cmd = [sys.executable, "-m", "debugai.evals.realbench.worker", *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "DEBUGAI_MODEL"))}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, env=env)
    except subprocess.TimeoutExpired:
        return "timeout", {}
    if proc.returncode != 0:
        return "crash", {"error": proc.stderr.strip()[-1500:]}
    try:
        return "ok", json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return "crash", {"error": "no JSON from the worker: " + proc.stdout[-300:]}


class Namer:
    """(file, line) -> (file, function) in one checkout, parsing each file once."""

    def __init__(self, src: Path) -> None:
        self.src = src
        self.cache: dict[str, spans_mod.FileSpans | None] = {}

    def spans(self, file: str) -> spans_mod.FileSpans | None:
        if file not in self.cache:
            path = self.src / file
            try:
                self.cache[file] = spans_mod.parse(path.read_bytes()) if path.is_file() else None
            except OSError:
                self.cache[file] = None
        return self.cache[file]

    def function(self, file: str, line: int) -> tuple[str, str]:
        sp = self.spans(file)
        return file, (sp.qualname_at(line) if sp else spans_mod.MODULE)


def _dedupe(items: Sequence[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def rank_of(
    places: Sequence[tuple[str, int]], case: RealCase, namer: Namer
) -> tuple[int | None, int | None]:
    """1-based rank of the first right function and of the first right file (None: absent)."""
    truth_funcs = {(loc.file, loc.function) for loc in case.locations}
    truth_files = {loc.file for loc in case.locations}
    funcs = _dedupe([namer.function(f, ln) for f, ln in places])
    files = _dedupe([f for f, _ in places])
    fr = next((i + 1 for i, fn in enumerate(funcs) if fn in truth_funcs), None)
    fi = next((i + 1 for i, f in enumerate(files) if f in truth_files), None)
    return fr, fi


def context_hit(spans: Sequence[Sequence[Any]], case: RealCase) -> bool:
    return any(
        s[0] == loc.file and s[1] <= line <= s[2]
        for s in spans
        for loc in case.locations
        for line in loc.lines
    )


def baselines(frames: Sequence[Sequence[Any]]) -> dict[str, list[tuple[str, int]]]:
    repo = [(str(f), int(ln)) for f, ln in frames]
    non_test = [p for p in repo if not is_test_path(p[0])]
    return {"innermost_frame": non_test[:1], "all_frames": repo}


def score_case(case: RealCase, engine: str, limit: float, weights: str = "") -> CaseScore:
    cs = CaseScore(
        case.id, case.project, str(case.trace.get("error_type", "?")), bool(case.root_in_traceback)
    )
    try:
        src = ensure_checkout(case)
    except BuildRefused as exc:
        cs.status, cs.reason = "skipped", str(exc)
        return cs
    status, prep = _worker(["prepare", str(case.dir), str(src)], PREPARE_LIMIT)
    if status != "ok":
        cs.status, cs.reason = "skipped", f"could not index the checkout ({status})"
        return cs
    cs.index_seconds = prep.get("index_seconds")
    namer = Namer(src)
    for system, places in baselines(prep.get("frames", [])).items():
        cs.ranks[system], cs.file_ranks[system] = rank_of(places, case, namer)
    t0 = time.perf_counter()
    extra = [weights] if weights else []
    status, out = _worker(["explain", str(case.dir), str(src), engine, *extra], limit)
    if status == "timeout":
        cs.status, cs.seconds, cs.reason = "timeout", limit, f"killed after {limit:.0f} s"
    elif status == "crash" or "crash" in out:
        cs.status, cs.reason = "crash", str(out.get("crash") or out.get("error", ""))[:500]
    elif "refused" in out:
        cs.status, cs.reason = "refused", str(out["refused"])[:300]
    if cs.status != "ok":
        cs.ranks["engine"] = cs.file_ranks["engine"] = None
        cs.context_hit = False
        cs.seconds = cs.seconds or out.get("seconds") or (time.perf_counter() - t0)
        return cs
    places = [(c[0], int(c[1])) for c in out["candidates"]]
    cs.ranks["engine"], cs.file_ranks["engine"] = rank_of(places, case, namer)
    cs.context_hit = context_hit(out.get("context", []), case)
    cs.seconds = out.get("seconds")
    if out["candidates"]:
        c = out["candidates"][0]
        cs.top = f"{c[0]}:{c[1]} {c[2] or ''}".strip()
    return cs


def _at(ranks: Sequence[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def summarize(scores: Sequence[CaseScore]) -> dict[str, Any]:
    scored = [s for s in scores if s.status != "skipped"]
    out: dict[str, Any] = {"cases": len(scored)}
    for system in SYSTEMS:
        row: dict[str, float] = {}
        for k in KS:
            row[f"func@{k}"] = _at([s.ranks.get(system) for s in scored], k)
            row[f"file@{k}"] = _at([s.file_ranks.get(system) for s in scored], k)
        out[system] = row
    hits = [s.context_hit for s in scored if s.context_hit is not None]
    out["context_recall"] = sum(hits) / len(hits) if hits else 0.0
    secs = sorted(s.seconds for s in scored if s.seconds is not None)
    out["seconds_mean"] = statistics.fmean(secs) if secs else 0.0
    out["seconds_p95"] = secs[min(len(secs) - 1, math.ceil(0.95 * len(secs)) - 1)] if secs else 0.0
    out["seconds_max"] = secs[-1] if secs else 0.0
    for status in ("timeout", "crash", "refused"):
        out[status + "s"] = sum(1 for s in scored if s.status == status)
    return out


def report(scores: Sequence[CaseScore], engine: str) -> dict[str, Any]:
    scored = [s for s in scores if s.status != "skipped"]
    projects = sorted({s.project for s in scored})
    return {
        "engine": engine,
        "hard_limit_seconds": HARD_LIMIT,
        "overall": summarize(scored),
        "root_outside_traceback": summarize([s for s in scored if not s.root_in_traceback]),
        "not_assertion": summarize([s for s in scored if s.error_type != "AssertionError"]),
        "projects": {p: summarize([s for s in scored if s.project == p]) for p in projects},
        "skipped": [{"id": s.id, "reason": s.reason} for s in scores if s.status == "skipped"],
        "cases": [
            {
                "id": s.id,
                "project": s.project,
                "error_type": s.error_type,
                "root_in_traceback": s.root_in_traceback,
                "status": s.status,
                "reason": s.reason,
                "func_rank": s.ranks,
                "file_rank": s.file_ranks,
                "context_hit": s.context_hit,
                "seconds": None if s.seconds is None else round(s.seconds, 3),
                "index_seconds": None if s.index_seconds is None else round(s.index_seconds, 3),
                "top": s.top,
            }
            for s in scores
        ],
    }


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _table(title: str, summary: dict[str, Any]) -> list[str]:
    lines = [f"### {title} ({summary['cases']} cases)", ""]
    lines.append("| system | func@1 | func@3 | func@5 | file@1 | file@3 | file@5 |")
    lines.append("|---|---|---|---|---|---|---|")
    for system in SYSTEMS:
        r = summary[system]
        cells = [_pct(r[f"func@{k}"]) for k in KS] + [_pct(r[f"file@{k}"]) for k in KS]
        lines.append(f"| {system} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def markdown(rep: dict[str, Any]) -> str:
    o = rep["overall"]
    lines = [
        f"# Real-bug benchmark — engine `{rep['engine']}`",
        "",
        "Made by `python -m debugai.evals.realbench score` (see evals/real/README.md). Baselines:"
        " the innermost non-test repo frame; all repo frames, innermost first.",
        "",
        f"Ranking weights: {rep.get('ranking', 'shipped weights (in-sample)')}.",
        "",
        f"Context recall {_pct(o['context_recall'])}; explain seconds mean {o['seconds_mean']:.2f},"
        f" p95 {o['seconds_p95']:.2f}, max {o['seconds_max']:.2f}; timeouts {o['timeouts']}"
        f" (hard limit {rep['hard_limit_seconds']:.0f} s), crashes {o['crashs']},"
        f" refused {o['refuseds']}; skipped {len(rep['skipped'])}.",
        "",
    ]
    lines += _table("All cases", o)
    lines += _table("Root cause outside every traceback frame", rep["root_outside_traceback"])
    lines += _table("Ending in something other than AssertionError", rep["not_assertion"])
    lines += ["### Per project (func@1: engine / innermost frame)", ""]
    lines += [
        "| project | cases | engine func@1 | innermost func@1 | engine func@5 | engine file@1 |"
    ]
    lines += ["|---|---|---|---|---|---|"]
    for p, s in rep["projects"].items():
        lines.append(
            f"| {p} | {s['cases']} | {_pct(s['engine']['func@1'])} |"
            f" {_pct(s['innermost_frame']['func@1'])} | {_pct(s['engine']['func@5'])} |"
            f" {_pct(s['engine']['file@1'])} |"
        )
    lines += [
        "",
        "### Cases",
        "",
        "| case | error | root in tb | engine rank | innermost rank | status | top answer |",
    ]
    lines += ["|---|---|---|---|---|---|---|"]
    for c in rep["cases"]:
        er, ir = c["func_rank"].get("engine"), c["func_rank"].get("innermost_frame")
        lines.append(
            f"| {c['id']} | {c['error_type']} | {'yes' if c['root_in_traceback'] else 'no'} |"
            f" {er or '—'} | {ir or '—'} | {c['status']} | `{c['top']}` |"
        )
    if rep["skipped"]:
        lines += ["", "### Skipped", ""] + [f"- {s['id']}: {s['reason']}" for s in rep["skipped"]]
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine", default="static", help="engine to score (static|auto|llm|local)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="cases scored at once")
    parser.add_argument("--limit", type=float, default=HARD_LIMIT, help="hard seconds per case")
    parser.add_argument("--cases", nargs="*", help="only these case ids")
    parser.add_argument("--root", default=str(REAL_DIR), help="the folder of case folders")
    parser.add_argument("--out", default=str(REPORT_DIR), help="report folder ('' for none)")
    parser.add_argument(
        "--lopo",
        action="store_true",
        help="score each project with ranking weights fitted without it (needs `fit` first)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        rep = score_real(args.engine, jobs=args.jobs, limit=args.limit, root=args.root,
                         only=args.cases, out=args.out or None, echo=print,
                         lopo=args.lopo)  # fmt: skip
    except LookupError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(headline(rep))
    return 0


def score_real(
    engine: str,
    *,
    jobs: int = 2,
    limit: float = HARD_LIMIT,
    root: str | Path = REAL_DIR,
    only: Sequence[str] | None = None,
    out: str | Path | None = REPORT_DIR,
    echo: Any = None,
    lopo: bool = False,
) -> dict[str, Any]:
    """Score `engine` on every built case under `root`; write the report to `out` (if given).

    With `lopo`, each project's cases are ranked by weights fitted without that project (from
    the features `fit` collected), so no case is scored by weights that saw it."""
    chosen = [c for c in load_all(root) if not only or c.id in only]
    cases = [c for c in chosen if c.built]
    if not cases:
        raise LookupError(f"no built cases under {root}")
    weights = held_out_weights(sorted({c.project for c in cases})) if lopo else {}
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        scores = list(
            pool.map(lambda c: score_case(c, engine, limit, weights.get(c.project, "")), cases)
        )
    # A case written but never built is reported, not passed over.
    for c in chosen:
        if not c.built:
            scores.append(
                CaseScore(c.id, c.project, "?", False, status="skipped", reason="not built yet")
            )
    if echo is not None:
        for s in scores:
            echo(
                f"{s.id:28} {s.status:8} engine={s.ranks.get('engine')} "
                f"innermost={s.ranks.get('innermost_frame')} {s.seconds or 0:.2f}s {s.reason[:80]}"
            )
    rep = report(scores, engine)
    rep["ranking"] = "leave-one-project-out" if lopo else "shipped weights (in-sample)"
    if out:
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "report.json").write_text(json.dumps(rep, indent=1) + "\n")
        (folder / "report.md").write_text(markdown(rep))
    return rep


def held_out_weights(projects: Sequence[str]) -> dict[str, str]:
    """project -> a weights file fitted on every other project's features (and the synthetic)."""
    from debugai.evals.realbench import fit

    path = fit.features_path()
    if not path.is_file():
        raise LookupError(f"no features at {path}: run `python -m debugai.evals.realbench fit`")
    groups = fit.load_groups(path)
    folder = work_dir() / "lopo"
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for p in projects:
        w = fit.fit([g for g in groups if g.project != p])
        target = folder / f"{p}.json"
        target.write_text(w.to_json(), "utf-8")
        out[p] = str(target)
    return out


def headline(rep: dict[str, Any]) -> str:
    o = rep["overall"]
    e, i = o["engine"], o["innermost_frame"]
    return (
        f"{o['cases']} cases: engine func@1 {_pct(e['func@1'])} func@5 {_pct(e['func@5'])}"
        f" file@1 {_pct(e['file@1'])} | innermost frame func@1 {_pct(i['func@1'])}"
        f" file@1 {_pct(i['file@1'])} | context recall {_pct(o['context_recall'])},"
        f" timeouts {o['timeouts']}, crashes {o['crashs']}, skipped {len(rep['skipped'])}"
    )
