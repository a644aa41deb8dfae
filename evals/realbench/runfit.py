"""The re-run's coefficients (agent/runtime/weights.json), fitted and scored leave-one-project-out.

The runtime step moves each candidate's static utility by a few coefficients times what the
re-run saw (agent/runtime/combine.py). Here those coefficients are fitted the way the static
weights are: conditional logit over each case's candidates with a "none of them" option, the
static utility as a fixed offset. Scoring is leave-one-project-out twice over: a held-out
project's static utilities come from weights fitted without it (as `score --lopo` does), and so
do the run coefficients, so neither column has seen the cases it is scored on.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from debugai.agent.runtime import combine
from debugai.agent.static import ranking
from debugai.evals.realbench import fit as fit_mod

KS = (1, 3, 5)
PREFIX = "run_"
# Not fitted: a return the run saw become the failing value (`made`), or a value a failing
# assertion compared (`compared`), moves its function by +3 log-odds, the prior the probe was
# built on. On the real re-runs the static ranking already places most of those makers, so the
# fit alone gives them about 0 and a None-returning helper the static engine misses would not
# rise; with them pinned the rest is fitted around them (rerun.md has both measurements).
PINNED = {"made": 3.0, "compared": 3.0}  # runtime features in a group row, beside the static ones


@dataclass(slots=True)
class Pair:
    """One re-run case: the static candidates alone, and the candidates with the run's evidence."""

    static: fit_mod.Group
    run: fit_mod.Group


def split(row: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """(static features, runtime features without the prefix) of one row."""
    st = {k: v for k, v in row.items() if not k.startswith(PREFIX)}
    rt = {k[len(PREFIX) :]: v for k, v in row.items() if k.startswith(PREFIX)}
    return st, rt


def _known(rt: dict[str, float]) -> dict[str, float]:
    """The features the coefficients name: a saved group may hold some no longer used."""
    return {n: x for n, x in rt.items() if n in combine.NAMES}


def fit_coefficients(
    groups: Sequence[fit_mod.Group],
    offsets: Sequence[Sequence[float]],
    *,
    l2: float = 1.0,
    iterations: int = 800,
    pinned: dict[str, float] | None = None,
) -> combine.Coefficients:
    """Maximise the conditional-logit likelihood of the truth with the static utility fixed;
    `pinned` coefficients keep their given values and the others are fitted around them."""
    pinned = pinned or {}
    names = [n for n in combine.NAMES if n not in pinned]
    k = {**dict.fromkeys(combine.NAMES, 0.0), **pinned}
    m = dict.fromkeys(names, 0.0)
    v = dict.fromkeys(names, 0.0)
    lr, beta1, beta2 = 0.05, 0.9, 0.999
    feats = [[_known(split(r)[1]) for r in g.rows] for g in groups]
    total = len(groups) or 1
    for it in range(1, iterations + 1):
        grad = dict.fromkeys(names, 0.0)
        for g, fs, off in zip(groups, feats, offsets, strict=True):
            if not fs or not any(g.labels):
                continue  # a case whose truth is no candidate says nothing about the coefficients
            us = [o + sum(k[n] * x for n, x in f.items()) for o, f in zip(off, fs, strict=True)]
            for f, d in zip(fs, fit_mod.residuals(us, g.labels), strict=True):
                for n, x in f.items():
                    if n in grad:
                        grad[n] += d * x
        for n in names:
            gn = grad[n] / total - l2 * k[n] / total
            m[n] = beta1 * m[n] + (1 - beta1) * gn
            v[n] = beta2 * v[n] + (1 - beta2) * gn * gn
            k[n] += lr * (m[n] / (1 - beta1**it)) / (math.sqrt(v[n] / (1 - beta2**it)) + 1e-8)
    return combine.Coefficients(**k)


def utilities(
    g: fit_mod.Group, weights: ranking.Weights, coef: combine.Coefficients | None
) -> list[float]:
    out = []
    for r in g.rows:
        st, rt = split(r)
        u = weights.utility(st)
        if coef is not None:
            u += sum(getattr(coef, n) * x for n, x in _known(rt).items())
        out.append(u)
    return out


def first_right(g: fit_mod.Group, us: Sequence[float]) -> int | None:
    """1-based function rank of the truth, ordered as the engine orders (ties by file)."""
    order = sorted(range(len(us)), key=lambda i: (-us[i], g.files[i], i))
    funcs: list[str] = []
    for i in order:
        if g.funcs[i] not in funcs:
            funcs.append(g.funcs[i])
            if g.labels[i]:
                return len(funcs)
    return None


def at(ranks: Sequence[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def lopo(
    pairs: Sequence[Pair],
    static_weights: dict[str, ranking.Weights],
    pinned: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Per case (static rank, run rank), both held out from the case's project; coefficients."""
    offsets = {
        id(p): utilities(p.run, static_weights[p.run.project], None) for p in pairs
    }  # every case's static utility from weights that never saw its project
    projects = sorted({p.run.project for p in pairs})
    ranks: dict[str, tuple[int | None, int | None]] = {}
    coefs: dict[str, dict[str, float]] = {}
    for proj in projects:
        train = [p for p in pairs if p.run.project != proj]
        coef = fit_coefficients(
            [p.run for p in train], [offsets[id(p)] for p in train], pinned=pinned
        )
        coefs[proj] = asdict(coef)
        for p in pairs:
            if p.run.project != proj:
                continue
            w = static_weights[proj]
            ranks[p.run.case] = (
                first_right(p.static, utilities(p.static, w, None)),
                first_right(p.run, utilities(p.run, w, coef)),
            )
    cases = sorted(ranks)
    summary: dict[str, Any] = {"cases": len(cases), "projects": {}}
    for name, j in (("static", 0), ("run", 1)):
        summary[name] = {f"func@{k}": at([ranks[c][j] for c in cases], k) for k in KS}
    for proj in projects:
        mine = [c for c in cases if next(p for p in pairs if p.run.case == c).run.project == proj]
        summary["projects"][proj] = {
            "cases": len(mine),
            **{
                f"{n}@{k}": at([ranks[c][j] for c in mine], k)
                for n, j in (("static", 0), ("run", 1))
                for k in (1, 5)
            },
        }
    return {"summary": summary, "ranks": ranks, "coefficients": coefs}


def fit_all(
    pairs: Sequence[Pair],
    static_weights: dict[str, ranking.Weights],
    pinned: dict[str, float] | None = None,
) -> combine.Coefficients:
    """The shipped coefficients: fitted on every case, offsets still held out per project."""
    offs = [utilities(p.run, static_weights[p.run.project], None) for p in pairs]
    return fit_coefficients([p.run for p in pairs], offs, pinned=pinned)


def to_json(coef: combine.Coefficients, fitted_on: str) -> str:
    data: dict[str, Any] = {
        "about": (
            "Added to the static utility (log-odds) of a candidate after the fitted static score; "
            "see agent/runtime/combine.py. Fitted by `python -m debugai.evals.realbench.rerun "
            "--refit --write` (evals/realbench/runfit.py); evals/reports/real/rerun.md has the "
            "leave-one-project-out measurement. made and compared are pinned, not fitted "
            "(runfit.PINNED says why)."
        ),
        "fitted_on": fitted_on,
    }
    data.update({n: round(getattr(coef, n), 4) for n in combine.NAMES})
    return json.dumps(data, indent=2) + "\n"


def save_pairs(pairs: Sequence[Pair], path: Path) -> None:
    fit_mod.save_groups([g for p in pairs for g in (p.static, p.run)], path)


def load_pairs(path: Path) -> list[Pair]:
    gs = fit_mod.load_groups(path)
    return [Pair(gs[i], gs[i + 1]) for i in range(0, len(gs) - 1, 2)]
