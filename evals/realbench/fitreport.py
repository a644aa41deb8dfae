"""The fit's report: leave-one-project-out figures, calibration of `score`, evidence precision.

    python -m debugai.evals.realbench fit --report evals/reports/real

`score` is shown to users (and to the model) as the chance that a candidate is the root cause;
this is where that claim is checked: the reliability table bins the top candidate's score, held
out by project, against how often it was right.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from debugai.agent.static import ranking


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


def write_report(res: dict[str, Any], folder: Path, kw: dict[str, Any]) -> Path:
    o = res["overall"]
    out = [
        "# Fit of the static ranking (leave-one-project-out)",
        "",
        "Made by `python -m debugai.evals.realbench fit --report evals/reports/real` from the"
        " candidates `fit --collect` stored. Every real project is scored by weights fitted on"
        " the other projects and the synthetic cases; no case is scored by weights that saw it."
        f" l2={kw.get('l2')}, synthetic weight {kw.get('synthetic_weight')}.",
        "",
        f"{o['cases']} real cases; the truth function is among the candidates in"
        f" {res.get('truth_among_candidates', '?')} of them.",
        "",
        "| func@1 | func@3 | func@5 | file@1 | file@3 | file@5 | ECE |",
        "|---|---|---|---|---|---|---|",
        "| "
        + " | ".join(_pct(o[k]) for k in ("func@1", "func@3", "func@5", "file@1", "file@3"))
        + f" | {_pct(o['file@5'])} | {o['ece']:.3f} |",
        "",
        "## Calibration of `score` (the top candidate's, held out by project)",
        "",
        "| score bin | cases | mean score | right |",
        "|---|---|---|---|",
    ]
    for b in o.get("reliability", []):
        out.append(
            f"| {b['bin']} | {b['cases']} | {_pct(b['mean_score'])} | {_pct(b['hit_rate'])} |"
        )
    out += [
        "",
        f"Expected calibration error {o['ece']:.3f} (5 bins, weighted by cases).",
        "",
        "## Per project",
        "",
        "| project | cases | func@1 | func@5 | file@1 |",
        "|---|---|---|---|---|",
    ]
    for p, r in sorted(res["projects"].items()):
        out.append(
            f"| {p} | {r['cases']} | {_pct(r['func@1'])} | {_pct(r['func@5'])}"
            f" | {_pct(r['file@1'])} |"
        )
    out += [
        "",
        "## Precision of each kind of evidence",
        "",
        "Where the evidence fired, how often its best candidate was the truth function.",
        "",
        "| evidence | real: right / fired | synthetic: right / fired |",
        "|---|---|---|",
    ]
    syn = res.get("precision_synthetic", {})
    for k, (h, n) in res["precision"].items():
        sh, sn = syn.get(k, (0, 0))
        out.append(f"| `{k}` | {h} / {n} | {sh} / {sn} |")
    shipped = Path(ranking.__file__).with_name("weights.json")
    w = ranking.weights_from(json.loads(shipped.read_text("utf-8")))
    out += [
        "",
        "## Shipped weights (agent/static/weights.json)",
        "",
        f"{w.fitted_on}",
        "",
        "| feature | weight |",
        "|---|---|",
    ]
    out += [f"| `{k}` | {w.weights.get(k, 0.0):+.3f} |" for k in ranking.FEATURES]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fit.md"
    path.write_text("\n".join(out) + "\n", "utf-8")
    return path
