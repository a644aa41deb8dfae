"""The ranking's fit: leave-one-project-out learns a telling feature, and the report says how well
`score` is calibrated."""

from __future__ import annotations

import random
from pathlib import Path

from debugai.evals.realbench import fit
from debugai.evals.realbench.fitreport import write_report


def _groups(seed: int = 7) -> list[fit.Group]:
    """Cases of three projects: the truth has `frame_innermost` three times in four."""
    rnd = random.Random(seed)
    out = []
    for project in ("alpha", "beta", "gamma"):
        for n in range(12):
            rows, labels = [], []
            truth = rnd.randrange(4)
            for i in range(4):
                telling = (i == truth) == (rnd.random() < 0.75)
                rows.append({"frame_innermost": 1.0} if telling else {"pagerank": rnd.random()})
                labels.append(i == truth)
            funcs = [f"m.py::f{i}" for i in range(4)]
            out.append(
                fit.Group(f"{project}-{n}", project, rows, labels, ["m.py"] * 4, ["m.py"], funcs)
            )
    return out


def test_lopo_learns_the_telling_feature_and_bins_every_case() -> None:
    res = fit.lopo(_groups(), iterations=200)
    o = res["overall"]
    assert o["cases"] == 36
    assert o["func@1"] > 0.5  # chance is 25%
    assert sum(b["cases"] for b in o["reliability"]) == 36
    assert 0.0 <= o["ece"] <= 1.0


def test_the_report_has_the_calibration_table_and_evidence_precision(tmp_path: Path) -> None:
    groups = _groups()
    res = fit.lopo(groups, iterations=100)
    res["precision"] = fit.precision(groups)
    res["truth_among_candidates"] = 36
    text = write_report(res, tmp_path, {"l2": 1.0, "synthetic_weight": 1.0}).read_text()
    assert "| score bin | cases | mean score | right |" in text
    assert f"Expected calibration error {res['overall']['ece']:.3f}" in text
    hit, fired = res["precision"]["frame_innermost"]
    assert f"| `frame_innermost` | {hit} / {fired} |" in text
    assert "| alpha | 12 |" in text
