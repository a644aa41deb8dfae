"""Failure patterns: data files in debugai.prompts/patterns, matched against the final exception."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    category: str
    strategy: str
    types: tuple[str, ...]
    message: re.Pattern[str]
    explanation: str
    fix: str


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    groups: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_patterns() -> tuple[Pattern, ...]:
    folder = resources.files("debugai.prompts").joinpath("patterns")
    out: list[Pattern] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        for p in data.get("pattern", []):
            out.append(
                Pattern(
                    id=p["id"],
                    category=p["category"],
                    strategy=p["strategy"],
                    types=tuple(p.get("types", ())),
                    message=re.compile(p.get("message", ""), re.S),
                    explanation=p.get("explanation", ""),
                    fix=p.get("fix", ""),
                )
            )
    return tuple(out)


def short_type(exc_type: str) -> str:
    return exc_type.rsplit(".", 1)[-1]


# Patterns read the start of a message: a 200 KB message (a repr dumped into an exception) made
# each search take ~0.6 s, 49 of them half a minute.
MAX_MATCHED_CHARS = 4000


def match(exc_type: str, message: str) -> list[Match]:
    """Every pattern matching an exception, in priority order."""
    name = short_type(exc_type)
    found = []
    text = (message or "")[:MAX_MATCHED_CHARS]
    for p in load_patterns():
        if p.types and name not in p.types:
            continue
        m = p.message.search(text)
        if m is None:
            continue
        found.append(Match(p, {k: v for k, v in m.groupdict().items() if v is not None}))
    return found


# Variables that add detail when a strategy found them and can simply be left out otherwise.
OPTIONAL = frozenset({"similar", "reason", "callee", "op", "typ", "receiver", "name", "var"})


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "" if key in OPTIONAL else "?"


def fill(template: str, variables: dict[str, str]) -> str:
    """Fill a pattern template; optional variables not found vanish, essential ones read `?`."""
    text = template.format_map(_Blank({k: v for k, v in variables.items() if v}))
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s*\)|``", "", text)  # an empty "({reason})" or "`{var}`"
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()
