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


def by_id(pattern_id: str) -> Pattern | None:
    return next((p for p in load_patterns() if p.id == pattern_id), None)


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

_FIELD = re.compile(r"\{(\w+)\}")
# `[? ... ?]`: a clause shown only when every variable in it has a value.
_CLAUSE = re.compile(r"\[\?(.*?)\?\]", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`{])")


class MissingVariable(KeyError):
    """A pattern template names a variable its strategy did not provide (a bug, never shown)."""


def variables_of(template: str) -> set[str]:
    return set(_FIELD.findall(template))


def fill(template: str, variables: dict[str, str], *, strict: bool = False) -> str:
    """Fill a pattern template; nothing of a variable without a value reaches the user.

    Optional variables vanish with the parentheses or backticks around them, a `[? ... ?]` clause
    goes when one of its variables has no value, and a sentence naming an essential variable
    that has none is dropped (with `strict`, that raises `MissingVariable`: tests and
    DEBUGAI_DEBUG find the bug instead of the user reading `?`).
    """
    have = {k: v for k, v in variables.items() if v}
    text = _CLAUSE.sub(
        lambda m: m.group(1) if variables_of(m.group(1)) <= have.keys() else "", template
    )
    for name in sorted(variables_of(text) - have.keys()):
        if name in OPTIONAL:
            n = re.escape(name)
            text = re.sub(rf"\(\s*`?\{{{n}\}}`?\s*\)|`\{{{n}\}}`|\{{{n}\}}", "", text)
    missing = variables_of(text) - have.keys()
    if missing and strict:
        raise MissingVariable(f"{sorted(missing)} in {template!r}")
    if missing:
        kept = [s for s in _SENTENCE_END.split(text) if not variables_of(s) & missing]
        text = " ".join(kept)
    text = _FIELD.sub(lambda m: have[m.group(1)], text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([.,;:])(?=\s|$)", r"\1", text)  # not the dot of ".env"
    return text.strip()
