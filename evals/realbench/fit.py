"""Fit the static engine's ranking on the real-bug benchmark (and the synthetic set), honestly.

    python -m debugai.evals.realbench fit [--collect] [--write]

1. collect: every built real case (and every synthetic case in evals/cases) is run through the
   engine's candidate generation in a worker under a hard limit; each candidate's features and
   whether it is a truth function are stored in the work dir (`features.json`).
2. leave-one-project-out: for each real project, a model is fitted on every other project (and
   the synthetic set) and scored on the held-out one. These are the figures reported: no case
   is ever scored by weights that saw it. Calibration (ECE of the top candidate's probability)
   is measured the same way.
3. --write: the model fitted on everything goes to agent/static/weights.json.

The model is a conditional logit over a case's candidates with a "none of them" alternative
(utility 0), L2-regularised; features are sparse, so plain Python is fast enough.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from debugai.agent.static import ranking
from debugai.evals.realbench.case import REAL_DIR, RealCase, load_all, work_dir

WEIGHTS_PATH = Path(ranking.__file__).with_name("weights.json")
KS = (1, 3, 5)
SYNTHETIC = "synthetic"


@dataclass(slots=True)
class Group:
    """One case's candidates: features (sparse), labels, files and the truth files."""

    case: str
    project: str
    rows: list[dict[str, float]]
    labels: list[bool]
    files: list[str]
    truth_files: list[str]
    funcs: list[str]


def features_path() -> Path:
    return work_dir() / "features.json"


# -- collecting ------------------------------------------------------------------------------


def _real_group(case: RealCase, limit: float) -> Group | None:
    from debugai.evals.realbench.score import PREPARE_LIMIT, Namer, _worker, ensure_checkout

    try:
        src = ensure_checkout(case)
    except Exception as exc:  # a case that cannot be recreated is left out, and said
        print(f"{case.id}: skipped ({exc})", file=sys.stderr)
        return None
    status, _ = _worker(["prepare", str(case.dir), str(src)], PREPARE_LIMIT)  # a warm index
    if status == "ok":
        status, out = _worker(["features", str(case.dir), str(src)], limit)
    else:
        out = {"error": "could not index the checkout"}
    if status != "ok":
        print(f"{case.id}: {status} {out.get('error', '')[:200]}", file=sys.stderr)
        return None
    namer = Namer(src)
    truth = {(loc.file, loc.function) for loc in case.locations}
    g = Group(case.id, case.project, [], [], [], sorted({loc.file for loc in case.locations}), [])
    for file, line, feats in out["candidates"]:
        fn = namer.function(file, line)
        g.rows.append({k: v for k, v in feats.items() if v})
        g.labels.append(fn in truth)
        g.files.append(file)
        g.funcs.append(f"{fn[0]}::{fn[1]}")
    return g


def _synthetic_group(case_dir: Path) -> Group | None:
    from debugai.agent.static.engine import StaticEngine
    from debugai.api import read_trace
    from debugai.evals.case import load_case
    from debugai.indexers import IndexOptions, build_index

    case = load_case(case_dir)
    index = build_index(case.project_dir, IndexOptions(cache=False))
    trace = read_trace(case.output(), index)
    cands = StaticEngine(use_git=False).candidates(trace, index)
    t = case.truth
    g = Group(case.id, SYNTHETIC, [], [], [], [t.file], [])
    for c in cands:
        sym = index.symbol_at(c.file, c.line) if c.file in index.files else None
        func = c.symbol if c.symbol == t.symbol else (sym.id if sym else c.symbol)
        g.rows.append({k: v for k, v in c.features.items() if v})
        g.labels.append(func == t.symbol)
        g.files.append(c.file)
        g.funcs.append(str(func))
    return g


def collect(
    cases: Sequence[RealCase], synthetic: Sequence[Path], jobs: int, limit: float
) -> list[Group]:
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        real = list(pool.map(lambda c: _real_group(c, limit), cases))
    groups = [g for g in real if g is not None]
    for d in synthetic:
        try:
            g = _synthetic_group(d)
        except Exception as exc:
            print(f"{d.name}: skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        if g is not None:
            groups.append(g)
    return groups


def save_groups(groups: Sequence[Group], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = [
        {
            "case": g.case,
            "project": g.project,
            "rows": g.rows,
            "labels": g.labels,
            "files": g.files,
            "truth_files": g.truth_files,
            "funcs": g.funcs,
        }
        for g in groups
    ]
    path.write_text(json.dumps(data), "utf-8")


def load_groups(path: Path) -> list[Group]:
    data = json.loads(path.read_text("utf-8"))
    return [
        Group(
            d["case"],
            d["project"],
            d["rows"],
            d["labels"],
            d["files"],
            d["truth_files"],
            d["funcs"],
        )
        for d in data
    ]


# -- the model -------------------------------------------------------------------------------


def residuals(us: Sequence[float], labels: Sequence[bool]) -> list[float]:
    """Per candidate, the log-likelihood's derivative by its utility in a conditional logit with a
    "none of them" option (utility 0): P(it | the truth is among them) - P(it)."""
    top = max(0.0, *us)
    es = [math.exp(u - top) for u in us]
    denom = math.exp(-top) + sum(es)
    ps = [e / denom for e in es]
    pos = sum(p for p, lab in zip(ps, labels, strict=True) if lab)
    return [
        ((p / pos) if (lab and pos > 0) else 0.0) - p for p, lab in zip(ps, labels, strict=True)
    ]


def fit(
    groups: Sequence[Group],
    *,
    l2: float = 1.0,
    iterations: int = 600,
    synthetic_weight: float = 1.0,
    features: Sequence[str] = ranking.FEATURES,
) -> ranking.Weights:
    """Maximise the conditional-logit likelihood (with a null alternative) by gradient ascent."""
    names = list(features)
    w = dict.fromkeys(names, 0.0)
    b = -2.0
    m = dict.fromkeys([*names, "_b"], 0.0)
    v = dict.fromkeys([*names, "_b"], 0.0)
    lr, beta1, beta2 = 0.05, 0.9, 0.999
    total = sum(synthetic_weight if g.project == SYNTHETIC else 1.0 for g in groups) or 1.0
    rows = [[{k: x for k, x in r.items() if k in w} for r in g.rows] for g in groups]
    for it in range(1, iterations + 1):
        grad = dict.fromkeys(names, 0.0)
        gb = 0.0
        for g, grows in zip(groups, rows, strict=True):
            if not grows:
                continue
            weight = synthetic_weight if g.project == SYNTHETIC else 1.0
            us = [b + sum(w[k] * x for k, x in r.items()) for r in grows]
            for r, res in zip(grows, residuals(us, g.labels), strict=True):
                d = weight * res
                if d == 0.0:
                    continue
                gb += d
                for k, x in r.items():
                    grad[k] += d * x
        for k in names:
            grad[k] = grad[k] / total - l2 * w[k] / total
        gb /= total
        for k, gk in [*grad.items(), ("_b", gb)]:
            m[k] = beta1 * m[k] + (1 - beta1) * gk
            v[k] = beta2 * v[k] + (1 - beta2) * gk * gk
            step = lr * (m[k] / (1 - beta1**it)) / (math.sqrt(v[k] / (1 - beta2**it)) + 1e-8)
            if k == "_b":
                b += step
            else:
                w[k] += step
    return ranking.Weights(b, w)


def ranked(g: Group, weights: ranking.Weights) -> list[tuple[float, int]]:
    """(probability, row) best first, the way the engine orders them."""
    us = [weights.utility(r) for r in g.rows]
    top = max(0.0, *us) if us else 0.0
    denom = math.exp(-top) + sum(math.exp(u - top) for u in us)
    order = sorted(range(len(us)), key=lambda i: (-us[i], g.files[i], i))
    return [(math.exp(us[i] - top) / denom, i) for i in order]


def evaluate(groups: Sequence[Group], weights: ranking.Weights) -> dict[str, Any]:
    """func@k / file@k over the groups, and the top candidate's calibration (ECE, 5 bins)."""
    hits = dict.fromkeys([f"func@{k}" for k in KS] + [f"file@{k}" for k in KS], 0)
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(5)]
    per_case: dict[str, int | None] = {}
    for g in groups:
        order = ranked(g, weights)
        funcs: list[str] = []
        files: list[str] = []
        first: int | None = None
        for _, i in order:
            if g.funcs[i] not in funcs:
                funcs.append(g.funcs[i])
                if g.labels[i] and first is None:
                    first = len(funcs)
            if g.files[i] not in files:
                files.append(g.files[i])
        per_case[g.case] = first
        ffirst = next((n + 1 for n, f in enumerate(files) if f in g.truth_files), None)
        for k in KS:
            hits[f"func@{k}"] += first is not None and first <= k
            hits[f"file@{k}"] += ffirst is not None and ffirst <= k
        if order:
            p = order[0][0]
            bins[min(4, int(p * 5))].append((p, g.labels[order[0][1]]))
    n = len(groups) or 1
    ece = sum(
        abs(sum(p for p, _ in b) / len(b) - sum(h for _, h in b) / len(b)) * len(b) / n
        for b in bins
        if b
    )
    out: dict[str, Any] = {k: v / n for k, v in hits.items()}
    out["cases"] = len(groups)
    out["ece"] = ece
    out["ranks"] = per_case
    return out


def lopo(groups: Sequence[Group], **kw: Any) -> dict[str, Any]:
    """Leave one real project out: fit on the rest (synthetic always in), score the held-out one."""
    projects = sorted({g.project for g in groups if g.project != SYNTHETIC})
    held: dict[str, dict[str, Any]] = {}
    ranks: dict[str, int | None] = {}
    probs: list[tuple[float, bool]] = []
    for p in projects:
        train = [g for g in groups if g.project != p]
        test = [g for g in groups if g.project == p]
        w = fit(train, **kw)
        held[p] = evaluate(test, w)
        ranks.update(held[p]["ranks"])
        for g in test:
            order = ranked(g, w)
            if order:
                probs.append((order[0][0], g.labels[order[0][1]]))
    real = [g for g in groups if g.project != SYNTHETIC]
    n = len(real) or 1
    overall: dict[str, Any] = {"cases": len(real)}
    for k in KS:
        overall[f"func@{k}"] = sum(1 for r in ranks.values() if r is not None and r <= k) / n
    for k in KS:
        overall[f"file@{k}"] = sum(held[p][f"file@{k}"] * held[p]["cases"] for p in held) / n
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(5)]
    for pr, hit in probs:
        bins[min(4, int(pr * 5))].append((pr, hit))
    overall["ece"] = sum(
        abs(sum(p for p, _ in b) / len(b) - sum(h for _, h in b) / len(b)) * len(b) / n
        for b in bins
        if b
    )
    # The reliability table: per bin of the top candidate's score, how often it was the truth.
    overall["reliability"] = [
        {
            "bin": f"{i / 5:.1f}-{(i + 1) / 5:.1f}",
            "cases": len(b),
            "mean_score": sum(p for p, _ in b) / len(b) if b else None,
            "hit_rate": sum(h for _, h in b) / len(b) if b else None,
        }
        for i, b in enumerate(bins)
    ]
    return {"overall": overall, "projects": held, "ranks": ranks}


EVIDENCE = (
    "ev_value",
    "ev_specific",
    "ev_under_test",
    "ev_unlinked",
    "test_callee",
    "frame_innermost",
)


def precision(groups: Sequence[Group]) -> dict[str, tuple[int, int]]:
    """Per kind of evidence: (cases where its best candidate is a truth function, cases it fired).

    Its best candidate is the one with the highest value of that feature in the case."""
    out: dict[str, tuple[int, int]] = {}
    for feat in EVIDENCE:
        hit = fired = 0
        for g in groups:
            vals = [r.get(feat, 0.0) for r in g.rows]
            if not vals or max(vals) <= 0:
                continue
            fired += 1
            hit += g.labels[vals.index(max(vals))]
        out[feat] = (hit, fired)
    return out


def _synthetic_dirs() -> list[Path]:
    root = REAL_DIR.parent / "cases"
    return sorted(p for p in root.iterdir() if (p / "case.toml").is_file())


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m debugai.evals.realbench fit")
    ap.add_argument("--collect", action="store_true", help="re-run candidate generation first")
    ap.add_argument(
        "--missing", action="store_true", help="collect only the cases features.json lacks"
    )
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=float, default=120.0, help="hard seconds per case")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--iterations", type=int, default=600)
    ap.add_argument("--synthetic-weight", type=float, default=1.0)
    ap.add_argument("--without", nargs="*", default=[], help="features left out (ablation)")
    ap.add_argument("--write", action="store_true", help="write weights fitted on everything")
    ap.add_argument("--json", help="write the leave-one-project-out figures here")
    ap.add_argument(
        "--report", help="write fit.md (calibration, evidence precision) in this folder"
    )
    args = ap.parse_args(argv)
    path = features_path()
    if args.collect or args.missing or not path.is_file():
        have = load_groups(path) if (args.missing and path.is_file()) else []
        done = {g.case for g in have}
        todo = [c for c in load_all(REAL_DIR) if c.built and c.id not in done]
        synthetic = [d for d in _synthetic_dirs() if d.name not in done]
        groups = have + collect(todo, synthetic, args.jobs, args.limit)
        save_groups(groups, path)
    groups = load_groups(path)
    feats = [f for f in ranking.FEATURES if f not in set(args.without)]
    kw = {
        "l2": args.l2,
        "iterations": args.iterations,
        "synthetic_weight": args.synthetic_weight,
        "features": feats,
    }
    res = lopo(groups, **kw)
    o = res["overall"]
    print(
        f"leave-one-project-out over {o['cases']} real cases: "
        + " ".join(f"func@{k} {_pct(o[f'func@{k}'])}" for k in KS)
        + " "
        + " ".join(f"file@{k} {_pct(o[f'file@{k}'])}" for k in KS)
        + f" ECE {o['ece']:.3f}"
    )
    for p, r in res["projects"].items():
        print(
            f"  {p:<14} {r['cases']:>3} cases  func@1 {_pct(r['func@1'])}  "
            f"func@5 {_pct(r['func@5'])}  file@1 {_pct(r['file@1'])}"
        )
    real_groups = [g for g in groups if g.project != SYNTHETIC]
    prec = precision(real_groups)
    print(
        "  precision of each kind of evidence on real cases (its best candidate is the truth): "
        + ", ".join(f"{k} {h}/{n}" for k, (h, n) in prec.items())
    )
    res["precision"] = prec
    res["precision_synthetic"] = precision([g for g in groups if g.project == SYNTHETIC])
    cover = sum(1 for g in real_groups if any(g.labels))
    print(f"  truth among the candidates: {cover}/{o['cases']}")
    res["truth_among_candidates"] = cover
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2, default=str), "utf-8")
    if args.write:
        w = fit(groups, **kw)
        syn = sum(1 for g in groups if g.project == SYNTHETIC)
        w = ranking.Weights(
            w.bias,
            w.weights,
            f"{o['cases']} real cases ({', '.join(sorted(res['projects']))}) and {syn} synthetic; "
            f"l2={args.l2}, synthetic weight {args.synthetic_weight}; leave-one-project-out "
            f"func@1 {_pct(o['func@1'])}, func@5 {_pct(o['func@5'])}, ECE {o['ece']:.3f}",
        )
        WEIGHTS_PATH.write_text(w.to_json(), "utf-8")
        ins = evaluate(groups, w)
        print(f"wrote {WEIGHTS_PATH} (in-sample func@1 {_pct(ins['func@1'])})")
    if args.report:
        from debugai.evals.realbench.fitreport import write_report

        print(f"wrote {write_report(res, Path(args.report), kw)}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
