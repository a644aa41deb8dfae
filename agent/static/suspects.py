"""Suspects: what a strategy returns, and the helpers every strategy builds them with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from debugai.agent.static import flow
from debugai.agent.static.analysis import Analyzer, Site, Step
from debugai.agent.static.patterns import Match
from debugai.indexers.files import is_test_path

if TYPE_CHECKING:
    pass


@dataclass(slots=True)
class Suspect:
    file: str
    line: int
    end_line: int
    symbol: str | None
    score: float
    why: str
    chain: list[Step] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)


Strategy = Callable[[Analyzer, Match], list[Suspect]]


def site_label(file: str, line: int) -> str:
    return f"{file}:{line}"


def from_trail(an: Analyzer, trail: list[Step], score: float, extra: dict[str, str]) -> Suspect:
    """A suspect at the trail's root, with the trail + raise site as its chain."""
    root = trail[0]
    raise_site = an.raise_site
    chain = list(trail)
    if raise_site is not None and (chain[-1].file, chain[-1].line) != (
        raise_site.file,
        raise_site.line,
    ):
        chain.append(Step(raise_site.file, raise_site.line, raise_site.symbol, "raises here"))
    variables = {
        "producer": root.symbol or root.file,
        "producer_site": site_label(root.file, root.line),
        "reason": root.reason or root.explanation,
        **extra,
    }
    if root.kind == "env":  # whatever crashed, a value from the environment is configuration
        variables.setdefault("category", "env-config")
    end = root.end_line or root.line
    return Suspect(
        root.file, root.line, end, root.symbol, score, root.explanation, chain, variables
    )


def trail_score(trail: list[Step]) -> float:
    if not trail:
        return 0.0
    root = trail[0]
    if root.kind == "literal":
        return 0.3
    if root.root and root.kind in ("none", "coroutine", "env"):
        return 0.9
    if root.root:
        return 0.75
    return 0.55 if len(trail) > 1 else 0.4


def best_trail(an: Analyzer, site: Site, nodes: list[flow.Node]) -> list[Step]:
    best: list[Step] = []
    for node in nodes[:6]:
        trail = an.trace_expr(site.file, site.line, node)
        if trail_score(trail) > trail_score(best):
            best = trail
    return best


def is_test(file: str) -> bool:
    return is_test_path(file)
