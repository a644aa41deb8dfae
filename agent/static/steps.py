"""The static engine's value trails: one hop (`Step`), a frame in the repo (`Site`), bounds and the
wording helpers every analysis shares."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from debugai.indexers.model import NonePath, Symbol

# Calls whose result is None by convention when nothing is found.
NONE_CALLS = {
    "get": "dict.get() finds no key",
    "first": ".first() finds no row",
    "scalar_one_or_none": ".scalar_one_or_none() finds no row",
    "one_or_none": ".one_or_none() finds no row",
    "scalar": ".scalar() finds no row",
    "getenv": "os.getenv() finds no variable",
    "match": "re.match() does not match",
    "search": "re.search() does not match",
    "fullmatch": "re.fullmatch() does not match",
    "getattr": "getattr(..., None) finds no attribute",
    "next": "next(..., None) runs out",
    "find": ".find() finds nothing",
    # In-place methods: their result is always None (`ranked = scores.sort()`).
    "sort": "list.sort() sorts in place and returns None",
    "reverse": "list.reverse() reverses in place and returns None",
    "append": ".append() adds in place and returns None",
    "extend": ".extend() adds in place and returns None",
    "insert": ".insert() adds in place and returns None",
    "shuffle": "random.shuffle() shuffles in place and returns None",
}
MAX_DEPTH = 12  # hops followed back from the raise site (callers, returns, containers)
MAX_STEPS = 20_000  # value-trail steps one diagnosis may take (each memoized, so distinct)
DEADLINE_SECONDS = 5.0  # wall time for all the analyses of one diagnosis


@dataclass(slots=True)
class Step:
    """One hop of a value's trail: root first, raise site last."""

    file: str
    line: int
    symbol: str | None
    explanation: str
    root: bool = False  # a definite origin (a None path, an env read, a bad literal, ...)
    reason: str = ""
    end_line: int | None = None
    kind: str = ""  # "none", "coroutine", "env", "key", ...


@dataclass(slots=True)
class Site:
    file: str
    line: int
    symbol: str | None
    function: str | None
    source: str | None


def telling(trail: list[Step]) -> int:
    """How much a trail says: a definite origin of a failing kind > any origin > a path > a hop."""
    if not trail:
        return 0
    root = trail[0]
    if root.root:
        return 4 if root.kind in ("none", "env", "coroutine") else 3
    return 2 if len(trail) > 1 else 1


# How the index names a None path, in the words a user reads.
NONE_PATH_WORDS = {
    "fall-through": "falls off the end without a return",
    "bare return": "a bare `return`",
}


def none_path_words(reason: str) -> str:
    return NONE_PATH_WORDS.get(reason, reason)


def best_none_path(sym: Symbol) -> NonePath:
    explicit = [p for p in sym.none_paths if p.reason != "fall-through"]
    return (explicit or list(sym.none_paths))[0]


def none_call_reason(callee: str | None, call_text: str) -> str:
    if not callee:
        return ""
    tail = callee.rsplit(".", 1)[-1]
    if tail in ("get", "getenv") and "," in call_text and not call_text.rstrip().endswith("None)"):
        return ""  # a default was given
    if tail == "getattr" and not call_text.replace(" ", "").endswith(",None)"):
        return ""
    if tail == "next" and not call_text.replace(" ", "").endswith(",None)"):
        return ""
    return NONE_CALLS.get(tail, "")


_ENV_CALL = re.compile(r"""(getenv|environ\.get|environ\.__getitem__)\(\s*[fbr]?["']([^"']+)["']""")


def env_var_of(callee: str | None, call_text: str) -> str | None:
    """The variable an `os.getenv("X")` / `os.environ.get("X", ...)` call reads."""
    if not callee or not ("getenv" in callee or "environ" in callee):
        return None
    m = _ENV_CALL.search(call_text)
    return m.group(2) if m else None


def value_reason(value: str) -> str:
    if "getenv" in value or "environ" in value:
        return "read from the environment"
    return "module-level value"


def short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def similar(name: str, pool: list[str], cutoff: float = 0.75) -> list[str]:
    """Names in the pool that look like misspellings of `name` (never `name` itself)."""
    others = sorted({p for p in pool if p and p != name})
    return difflib.get_close_matches(name, others, n=3, cutoff=cutoff)
