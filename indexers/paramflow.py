"""Parameter value flow: what a parameter holds when every in-repo call site that passes a
followable value for it passes the same one (`B(a)` then `self.a.f()`, a callback forwarded
through two functions, `func(Cls())` then `for x in c`). The resolver's param_value answers
with that value (a *fact*); call sites passing different values give no fact, so no edge is
guessed. Arguments the extractor does not follow (`f(x + 1)`) are not counted against a fact.

Facts are global (a call site in one file decides a parameter in another), so they are
computed over every file before linking (a few rounds: a fact can make a forwarded argument
followable), stored with the index, and each file's link keeps the values its call sites pass
(its *gives*): an incremental build whose gives agree on other facts than before relinks
everything (indexers/build.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from debugai.indexers.classes import UNKNOWN, Value
from debugai.indexers.names import ModInfo, is_classmethod, is_static
from debugai.indexers.valueflow import callee_of, param_name

if TYPE_CHECKING:
    from debugai.indexers.resolve import Resolver

# What a fact may be: an in-repo function, class or lambda, an instance, a bound method.
FACT_KINDS = frozenset(("sym", "inst", "bound"))
ROUNDS = 3  # forwarding chains longer than this keep their last parameters unknown
Facts = dict[tuple[str, str], Value]
Give = tuple[str, str, "Value | None"]  # (function id, parameter, value passed or None)


def gives(resolver: Resolver, info: ModInfo) -> list[Give]:
    """(function, parameter, value) for each followable argument of this module's calls."""
    out: list[Give] = []
    callees: dict[tuple[int, str], tuple[Value | None, int]] = {}
    for scope, line, callee, slot, ref in info.rec.args:
        key = (scope, callee)
        hit = callees.get(key)
        if hit is None:
            hit = callees[key] = callee_of(resolver, info, scope, callee)
        target, shift = hit
        if target is None or target[0] != "sym":
            continue
        found = resolver.sym(target[1])
        if found is None:
            continue
        pname = param_name(found[0], found[1], slot, shift)
        if pname is not None:
            out.append((target[1], pname, passed_value(resolver, info, scope, line, ref)))
    return out


def passed_value(
    resolver: Resolver, info: ModInfo, scope: int, line: int, ref: str
) -> Value | None:
    """What the parameter holds: a decorated function is its wrapper (except to its own
    innermost decorator), `obj.method` of an instance is a bound method."""
    try:
        raw = resolver.expr(info, scope, ref)
    except RecursionError:
        return None
    if raw is None or raw == UNKNOWN:
        return None
    if raw[0] != "sym":
        return raw
    found = resolver.sym(raw[1])
    if found is None:
        return raw
    d = found[0].rec.defs[found[1]]
    if d[0] != "f":
        return raw
    if bool(d[5]) and d[5] <= line < d[3] and found[0] is info and d[2] == scope:
        # The undecorated function, given to its own decorator: no Value names it apart from
        # what its name resolves to (the wrapper), so it is never a fact, but it still disagrees.
        return ("raw", raw[1])
    value: Value = ("sym", resolver.decorator_chain(raw[1])[0])
    parent = d[2]
    if (
        "." in ref
        and not ref.endswith(")")
        and parent >= 0
        and found[0].rec.defs[parent][0] == "c"
        and not is_static(d)
        and not is_classmethod(d)
    ):
        obj = resolver.expr(info, scope, ref.rsplit(".", 1)[0])
        if obj is not None and obj[0] in ("inst", "super"):
            return ("bound", value[1])
    return value


def agree(rows: Iterable[Give]) -> Facts:
    """The one value each parameter is passed, where every followable argument agrees."""
    seen: dict[tuple[str, str], Value] = {}
    bad: set[tuple[str, str]] = set()
    for fid, pname, value in rows:
        if value is None:
            continue
        key = (fid, pname)
        if key in bad:
            continue
        old = seen.get(key)
        if old is None:
            seen[key] = tuple(value)  # type: ignore[assignment]
        elif old != tuple(value):
            bad.add(key)
            del seen[key]
    return {k: v for k, v in seen.items() if v[0] in FACT_KINDS}


def link_gives(links: Iterable[tuple[Any, ...]]) -> Iterable[Give]:
    for link in links:
        yield from link[7]


def compute_facts(resolver: Resolver, modules: Iterable[str]) -> Facts:
    """Facts over every module, iterated until they settle (at most ROUNDS rounds). While they
    may still change, reading a parameter counts as a cut (resolve.py): nothing that depends on
    one is memoised, and only modules whose arguments read one are looked at again."""
    resolver.facts = {}
    resolver.provisional = True
    by_module: dict[str, list[Give]] = {}
    pending = list(modules)
    try:
        for _round in range(ROUNDS):
            again: list[str] = []
            for module in pending:
                info = resolver.mod(module)
                if info is None or not info.rec.args:
                    continue
                before = resolver.param_reads
                by_module[module] = gives(resolver, info)
                if resolver.param_reads != before:
                    again.append(module)
            facts = agree(row for rows in by_module.values() for row in rows)
            if facts == resolver.facts:
                break
            resolver.facts = facts
            pending = again
    finally:
        resolver.provisional = False
    return resolver.facts
