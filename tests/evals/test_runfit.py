"""The re-run coefficients' fit (evals/realbench/runfit.py) on small made-up candidate groups."""

from __future__ import annotations

from debugai.agent.static import ranking
from debugai.evals.realbench import fit, runfit


def _group(case: str, truth_made: bool) -> fit.Group:
    """Two candidates, same static utility: the truth made the failing value or passed it on."""
    made = {"run_made": 1.0}
    passed = {"run_passed_on": 1.0, "run_origin": 1.0}  # "origin": a feature no longer named
    rows = [made, passed] if truth_made else [passed, made]
    return fit.Group(case, "p", rows, [True, False], ["a.py", "b.py"], ["a.py"], ["a::f", "b::g"])


def test_the_fit_learns_which_feature_marks_the_truth_and_ignores_unknown_ones() -> None:
    groups = [_group(f"c{i}", truth_made=i % 5 != 0) for i in range(40)]  # made: truth 4 in 5
    coef = runfit.fit_coefficients(groups, [[0.0, 0.0] for _ in groups])
    assert coef.made > coef.passed_on
    assert coef.received == 0.0 and coef.ochiai == 0.0  # no case carries them: no gradient
    w = ranking.weights_from({})
    ranks = [runfit.first_right(g, runfit.utilities(g, w, coef)) for g in groups]
    assert runfit.at(ranks, 1) == 0.8


def test_a_pinned_coefficient_keeps_its_value_and_the_rest_is_fitted_around_it() -> None:
    groups = [_group(f"c{i}", truth_made=i % 5 == 0) for i in range(40)]  # made: truth 1 in 5
    free = runfit.fit_coefficients(groups, [[0.0, 0.0] for _ in groups])
    pinned = runfit.fit_coefficients(groups, [[0.0, 0.0] for _ in groups], pinned={"made": 3.0})
    assert free.made < free.passed_on and pinned.made == 3.0
    # With the maker held at +3, passing the value on must outweigh it for the truth to win.
    assert pinned.passed_on > 3.0 > free.passed_on
    w = ranking.weights_from({})
    ranks = [runfit.first_right(g, runfit.utilities(g, w, pinned)) for g in groups]
    assert runfit.at(ranks, 1) == 0.8
