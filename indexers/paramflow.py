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
    return [g for g in evaluate(resolver, info, range(len(info.rec.args)))[0] if g is not None]


def evaluate(
    resolver: Resolver, info: ModInfo, rows: Iterable[int]
) -> tuple[list[Give | None], list[tuple[int, frozenset[tuple[str, str]]]]]:
    """(the give of each of these args rows or None, (row, parameters read) of the rows whose
    answer read a parameter)."""
    out: list[Give | None] = []
    dependent: list[tuple[int, frozenset[tuple[str, str]]]] = []
    args = info.rec.args
    callees: dict[tuple[int, str], tuple[Value | None, int]] = {}
    for i in rows:
        scope, line, callee, slot, ref = args[i]
        resolver.read_keys.clear()
        give: Give | None = None
        key = (scope, callee)
        hit = callees.get(key)
        if hit is None:
            hit = callees[key] = callee_of(resolver, info, scope, callee)
        target, shift = hit
        if target is not None and target[0] == "sym":
            found = resolver.sym(target[1])
            pname = param_name(found[0], found[1], slot, shift) if found is not None else None
            if pname is not None:
                value = passed_value(resolver, info, scope, line, ref)
                if value is not None:
                    give = (target[1], pname, value)
        if resolver.read_keys:
            dependent.append((i, frozenset(resolver.read_keys)))
            callees.pop(key, None)  # decided by a parameter: ask again for the next row
        out.append(give)
    return out, dependent


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


def compute_facts(
    resolver: Resolver, modules: Iterable[str]
) -> tuple[Facts, dict[str, list[Give]]]:
    """Facts over every module, iterated until they settle (at most ROUNDS rounds), and the
    gives of each module under them when they did settle. While facts may still change, reading
    a parameter counts as a cut (resolve.py): nothing that depends on one is memoised, and only
    the argument rows whose answer read one are evaluated again."""
    resolver.facts = {}
    resolver.provisional = True
    results: dict[str, list[Give | None]] = {}
    pending: dict[str, list[int]] = {}
    waiting: dict[str, list[tuple[int, frozenset[tuple[str, str]]]]] = {}
    infos: dict[str, ModInfo] = {}
    done: dict[str, list[Give]] = {}
    for module in modules:
        info = resolver.mod(module)
        if info is None or not info.rec.args:
            done[module] = []
        else:
            infos[module] = info
            pending[module] = list(range(len(info.rec.args)))
            results[module] = [None] * len(info.rec.args)
    settled = False
    try:
        for _round in range(ROUNDS):
            for module, rows in pending.items():
                found, dependent = evaluate(resolver, infos[module], rows)
                slots = results[module]
                for i, give in zip(rows, found, strict=True):
                    slots[i] = give
                redone = set(rows)
                kept = [d for d in waiting.get(module, ()) if d[0] not in redone]
                waiting[module] = kept + dependent
            facts = agree(g for rows in results.values() for g in rows if g is not None)
            old = resolver.facts
            changed = {k for k in facts.keys() | old.keys() if facts.get(k) != old.get(k)}
            if not changed:
                settled = True
                break
            resolver.facts = facts
            # Only the rows that read a parameter whose fact changed can answer differently.
            pending = {}
            for module, deps in waiting.items():
                rows = [i for i, keys in deps if not keys.isdisjoint(changed)]
                if rows:
                    pending[module] = rows
    finally:
        resolver.provisional = False
    for m, slots in results.items():
        if settled or m not in pending:
            done[m] = [g for g in slots if g is not None]
    return resolver.facts, done
