"""The run's evidence joined to the static ranking: one step after the fitted static score.

The static weights (agent/static/weights.json) are fitted without runtime features, so the run
does not enter that model; it moves each candidate's utility (log-odds) by a few coefficients
kept in `weights.json` beside this module, and the probabilities are normalised again:

    utility += not_executed * [the failing test and the import before it never ran it]
             + made         * [its own return made the failing value: 1; a later seed: 0.75]
             + compared     * [... the same, of a value a failing assertion compared]
             + made_literal * [... and that return is a literal: `return None`, `return ''`]
             + passed_on    * [it returned, unchanged, a failing value a callee made]
             + received     * [it called the function that handed the failing value on]
             + test_callee  * [the failing test's file called it directly]
             + failing_only * min(its lines only failing tests ran, 3) / 3
             + ochiai       * function-level Ochiai   (only when passing tests ran too)
             + line_ochiai  * best Ochiai of its lines
             + env_read     * [it read an environment key during the failing test]
             + spectrum_place * 1 / its place in the spectrum (1 for the first, ties averaged)
             + spectrum_top5  * [its place in the spectrum is 5 or better]

Test code has no spectrum: the failing test's own lines run only in it, so they say nothing.

A module's top level is never "not executed": it ran at import, before any test.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from debugai.agent.runtime.evidence import Evidence
from debugai.agent.static import ranking

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex

NAMES = (
    "not_executed", "made", "compared", "made_literal", "passed_on", "received", "test_callee",
    "failing_only", "ochiai", "line_ochiai", "env_read", "spectrum_place", "spectrum_top5",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Coefficients:
    not_executed: float
    made: float
    made_literal: float
    passed_on: float
    received: float
    test_callee: float
    failing_only: float
    ochiai: float
    line_ochiai: float
    env_read: float
    compared: float = 0.0
    spectrum_place: float = 0.0
    spectrum_top5: float = 0.0


@cache
def shipped() -> Coefficients:
    raw = resources.files("debugai.agent.runtime").joinpath("weights.json").read_text("utf-8")
    data = json.loads(raw)
    return Coefficients(**{k: float(data[k]) for k in NAMES if k in data})


def features(ev: Evidence, c: ranking.Candidate, index: CodeIndex) -> dict[str, float]:
    facts = ev.facts_of(c.symbol)
    out = dict.fromkeys(NAMES, 0.0)
    sym = index.symbols.get(c.symbol or "")
    is_module = sym is None or sym.kind == "module"
    if not is_module and (c.symbol or "") not in ev.ran:
        out["not_executed"] = 1.0
    if facts is not None:
        out["made"] = facts.made
        out["compared"] = facts.compared
        out["made_literal"] = float(facts.made_literal)
        out["passed_on"] = float(facts.passed_on)
        out["received"] = float(facts.received)
        out["test_callee"] = float(facts.test_callee)
        out["failing_only"] = min(facts.failing_only, 3) / 3
        out["ochiai"] = facts.ochiai or 0.0
        out["line_ochiai"] = facts.line_ochiai or 0.0
        out["env_read"] = float(facts.env_read)
        if facts.spectrum_rank is not None:
            out["spectrum_place"] = 1.0 / facts.spectrum_rank
            out["spectrum_top5"] = float(facts.spectrum_rank <= 5)
    return out


def combine(
    cands: Sequence[ranking.Candidate],
    ev: Evidence,
    index: CodeIndex,
    coef: Coefficients | None = None,
) -> None:
    """Move each candidate's utility by the run's evidence and normalise the probabilities."""
    k = coef or shipped()
    for c in cands:
        f = features(ev, c, index)
        c.utility += sum(getattr(k, name) * v for name, v in f.items())
        facts = ev.facts_of(c.symbol)
        if facts is not None:
            c.observed = list(facts.observed)
        if ev.hops and ev.origin is not None and c.symbol == ev.origin:
            c.line = ev.hops[0].line  # the return the run saw make the value, not the def line
        if f["not_executed"]:
            c.observed = ["not run by the failing test"]
    ranking.normalize(cands)
