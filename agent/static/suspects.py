"""Suspects: what a strategy returns, and the helpers every strategy builds them with."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from debugai.agent.static import flow
from debugai.agent.static.analysis import Analyzer, Site, Step
from debugai.agent.static.envnames import env_similar
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


_ENV_NAME = re.compile(r"environment variable `([^`]+)`")


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
        var = _ENV_NAME.search(root.reason)
        if var is not None and "var" not in variables:
            variables["var"] = var.group(1)
            variables.setdefault("similar", env_similar(an, var.group(1))[1])
        if variables.get("similar"):  # unset, and the project sets a near spelling: a typo
            score = max(score, 0.98)
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


_BOUND = re.compile(r"^`(\w+)` gets the result of")
# `if x is None:` / `if not x:` / `if x == None:`, then a line leaving the block.
_EXIT = ("raise", "return", "continue", "break")
# A None that a caller turns away cannot be the None that crashed: its trail counts this much.
GUARDED_FACTOR = 0.5


def none_guarded(an: Analyzer, trail: list[Step]) -> bool:
    """True when a None trail passes a variable that its function checks for None and leaves."""
    if not trail or trail[0].kind != "none":
        return False
    for step in trail[1:-1] if len(trail) > 2 else trail[1:]:
        m = _BOUND.match(step.explanation)
        sym = an.symbol(step.symbol)
        if m is None or sym is None:
            continue
        name = re.escape(m.group(1))
        guard = re.compile(
            rf"^\s*if\s+(?:not\s+{name}|{name}\s+is\s+None|{name}\s*==\s*None)\s*:\s*(.*)$"
        )
        lines = an.index.lines(step.file)
        for i in range(step.line, min(sym.end_line, len(lines))):
            g = guard.match(lines[i])
            if g is None:
                continue
            body = g.group(1).strip() or next(
                (t.strip() for t in lines[i + 1 : i + 4] if t.strip()), ""
            )
            if body.split(" ", 1)[0].rstrip(":;") in _EXIT:
                return True
    return False


def trail_value(an: Analyzer, trail: list[Step]) -> float:
    """The trail's score, lowered when the None it follows is guarded on the way."""
    score = trail_score(trail)
    return score * GUARDED_FACTOR if none_guarded(an, trail) else score


def best_trail(an: Analyzer, site: Site, nodes: list[flow.Node]) -> list[Step]:
    best: list[Step] = []
    best_score = 0.0
    for node in nodes[:6]:
        trail = an.trace_expr(site.file, site.line, node)
        score = trail_value(an, trail)
        if score > best_score:
            best, best_score = trail, score
    return best


def is_test(file: str) -> bool:
    return is_test_path(file)
