"""Turn one file's record into graph facts (symbols, edges, unresolved calls, env reads)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from debugai.indexers.paramflow import Facts, Give, agree, compute_facts, gives, link_gives
from debugai.indexers.resolve import ModInfo, Resolver, Value
from debugai.indexers.selfcalls import subclass_edges
from debugai.indexers.valueflow import argument_edges

SETTINGS_BASES = ("BaseSettings",)
_PREFIX = re.compile(r"""env_prefix\s*=\s*['"]([^'"]*)['"]""")

# A link result is a plain tuple (cacheable with marshal):
# (symbols, calls, edges, unresolved, env, assigns, (calls_total, resolved, external), gives)
#   symbols:    Symbol field tuples, none_paths as (line, reason) pairs
#   calls:      (caller, callee, line, end_line, text)
#   edges:      (source, target, kind, line, text) for contains / imports / inherits / reads_env
#   unresolved: (caller, line, text)
#   env:        (symbol, line, var, how, default)
#   assigns:    (name, line, value text)
#   gives:      (function id, parameter, value) its call sites pass (indexers/paramflow.py)
LinkResult = tuple[Any, ...]


def _target_id(value: Value | None) -> tuple[str | None, bool]:
    """(graph node id or None, counts as external)."""
    if value is None:
        return None, False
    kind, target = value
    if kind in ("sym", "bound"):
        return target, False
    if kind == "ext":
        # Methods of builtin types (`out.append`) count as external but get no graph node.
        return (None if target.startswith("builtins.") else f"ext:{target}"), True
    if kind == "builtin":
        return None, True
    return None, False


_STR_LITERAL = re.compile(r"""[rRbBuUfF]{0,2}['"]""")


def link_file(resolver: Resolver, module: str, passed: list[Give] | None = None) -> LinkResult:
    """One file's link; `passed`: its gives, when compute_facts already has them."""
    info = resolver.mod(module)
    assert info is not None
    rec = info.rec
    path = info.path
    ids = info.ids
    defs = rec.defs

    def sid(scope: int) -> str:
        return ids[scope] if scope >= 0 else module

    symbols: list[tuple[Any, ...]] = [
        (
            module,
            "module",
            module.rsplit(".", 1)[-1],
            path,
            1,
            max(rec.n_lines, 1),
            None,
            (),
            rec.doc,
            (),
            None,
        )
    ]
    for i, d in enumerate(defs):
        kind = "class" if d[0] == "c" else "lambda" if d[1][0] == "<" else "function"
        symbols.append(
            (ids[i], kind, d[1], path, d[3], d[4], d[6], d[7], d[8], d[10], d[5] or None)
        )

    calls: list[tuple[Any, ...]] = []
    unresolved: list[tuple[Any, ...]] = []
    total = resolved = external = 0
    cache: dict[tuple[int, str], tuple[str | None, bool]] = {}
    for scope, line, end_line, text in rec.calls:
        total += 1
        key = (scope, text)
        hit = cache.get(key)
        if hit is None and _STR_LITERAL.match(text):
            hit = cache[key] = (None, True)  # `", ".join(...)`: a str method
        if hit is None and resolver.line_sensitive(info, scope, text):
            try:  # decided by the binding that ran last before this line: not cached by text
                hit = _target_id(resolver.call_target(resolver.expr_at(info, scope, text, line)))
            except RecursionError:
                hit = (None, False)
        if hit is None:
            before = resolver.cuts
            try:
                value = resolver.call_target(resolver.expr(info, scope, text))
            except RecursionError:
                value = None
            hit = _target_id(value)
            if resolver.cuts == before:
                cache[key] = hit
        target, is_ext = hit
        if is_ext:
            external += 1
        elif target is not None:
            resolved += 1
        if target is not None:
            calls.append((sid(scope), target, line, end_line, text))
        elif (
            not is_ext and "[" in text and (fanout := resolver.dispatch_targets(info, scope, text))
        ):
            resolved += 1
            calls.extend((sid(scope), t, line, end_line, text) for t in fanout)
        elif not is_ext:
            unresolved.append((sid(scope), line, text))
    values: dict[tuple[int, str], Value | None] = {}
    for scope, line, how, text in rec.refs:
        key = (scope, text)
        if key in values:
            value = values[key]
        else:
            before = resolver.cuts
            value = resolver.expr(info, scope, text)
            if resolver.cuts == before:
                values[key] = value
        if how == "iter":  # `for x in obj`: obj.__iter__ and the iterator's __next__
            for target in resolver.iter_protocol(value)[0]:
                calls.append((sid(scope), target, line, line, f"iter({text})"))
            continue
        if how == "raise" and (
            value is None or value[0] != "sym" or resolver.kind(value[1]) != "c"
        ):
            continue  # `raise exc` of an instance makes no call; `raise Cls` instantiates it
        value = resolver.call_target(value)
        if how == "deco" and (value is None or value[0] != "sym"):
            continue
        target, _ext = _target_id(value)
        if target is not None:
            calls.append((sid(scope), target, line, line, f"{how}({text})"))
    calls.extend(argument_edges(resolver, info, cache))
    calls.extend(subclass_edges(resolver, info, resolver.open_memo))
    if passed is None:
        passed = gives(resolver, info)
    for i, d in enumerate(defs):
        if d[7] and d[0] == "f":
            # `@outer @inner def f`: outer is given inner's wrapper (inner's own argument, f, is
            # an `args` row); edges from where outer calls its parameter to that wrapper.
            for dec, given in resolver.decorator_chain(ids[i])[1][1:]:
                found = resolver.sym(dec)
                if found is None:
                    continue
                dinfo, didx = found
                first = [p for p, (pos, _a) in dinfo.params_of(didx).items() if pos == 0]
                for caller in dinfo.param_calls.get(didx, {}).get(first[0] if first else "", ()):
                    calls.append((dinfo.ids[caller], given, d[5], d[5], f"@{dec}"))
    for idx, line, text in rec.routes:
        calls.append((sid(defs[idx][2]), ids[idx], line, line, f"@{text}"))

    edges: list[tuple[Any, ...]] = [
        (sid(d[2]), ids[i], "contains", d[3], "") for i, d in enumerate(defs)
    ]
    for imp in rec.imports:
        scope, line, mod, _level, name = imp[:5]
        target_id = _import_target(resolver, info, imp)
        if target_id is not None:
            edges.append((sid(scope), target_id, "imports", line, name or mod))
    for i, d in enumerate(defs):
        if d[0] != "c":
            continue
        for base in d[9] or ():
            value = resolver.expr(info, d[2], base)
            target, _ext = _target_id(value if value is None or value[0] != "builtin" else None)
            if target is not None and target != "ext:object":
                edges.append((ids[i], target, "inherits", d[3], base))

    env: list[tuple[Any, ...]] = []
    os_names = {imp[4] for imp in rec.imports if imp[2] == "os" and imp[3] == 0 and imp[4]}
    for scope, line, var, how, default, bare in rec.env:
        if bare and ("getenv" if how == "getenv" else "environ") not in os_names:
            continue  # a bare `getenv`/`environ` that does not come from os
        env.append((sid(scope), line, var, how, default))
    env.extend(_settings_reads(resolver, info))
    for symbol, line, var, how, _default in env:
        edges.append((symbol, f"env:{var}", "reads_env", line, how))

    assigns = [(name, line, text) for scope, name, line, text in rec.assigns if scope == -1]
    counts = (total, resolved, external)
    return (symbols, calls, edges, unresolved, env, assigns, counts, passed)


def _import_target(resolver: Resolver, info: ModInfo, imp: tuple[Any, ...]) -> str | None:
    _scope, _line, mod, level, name = imp[:5]
    if name is None:
        value = resolver.module_value(mod, info)
        if value is None:
            return None
        return value[1] if value[0] == "mod" else f"ext:{mod}"
    base = resolver.absolute(info, mod, level)
    src = resolver.module_value(base, info) if base else None
    if base is None or src is None:
        return None
    if src[0] == "ext":
        # External imports are kept at module granularity: `ext:sqlalchemy.orm`.
        return f"ext:{base}"
    found = resolver.import_value(info, imp) if name != "*" else None
    if found is not None and found[0] in ("mod", "sym"):
        return found[1]
    return src[1]


_ALIAS = re.compile(r"""\bField\(.*?\b(?:validation_)?alias\s*=\s*['"]([^'"]+)['"]""")


def _settings_reads(resolver: Resolver, info: ModInfo) -> list[tuple[Any, ...]]:
    """pydantic BaseSettings fields: each annotated field reads <env_prefix><FIELD> (inherited)."""
    out: list[tuple[Any, ...]] = []
    rec = info.rec
    for i, d in enumerate(rec.defs):
        if d[0] != "c" or not d[9]:
            continue
        order, external = resolver.mro(info.ids[i])
        if not any(e.rsplit(".", 1)[-1] in SETTINGS_BASES for e in external):
            continue
        prefix = ""
        for cid in order:  # model_config is inherited: the nearest class that sets a prefix wins
            found = resolver.sym(cid)
            if found is not None:
                p = _env_prefix(found[0].rec, found[1])
                if p is not None:
                    prefix = p
                    break
        aliases = {
            name: m.group(1)
            for scope, name, _line, text in rec.assigns
            if scope == i and (m := _ALIAS.search(text)) is not None
        }
        for scope, target, kind, _value, line in rec.binds:
            if (
                scope == i
                and kind == "ann"
                and not target.startswith("_")
                and target != "model_config"
            ):
                # `Field(alias="APP_KEY")` names the variable itself (no prefix is added).
                var = aliases.get(target) or f"{prefix}{target}".upper()
                out.append((info.ids[i], line, var, "settings", None))
    return out


def _env_prefix(rec: Any, idx: int) -> str | None:
    for scope, name, _line, text in rec.assigns:
        if scope == idx and name == "model_config":
            m = _PREFIX.search(text)
            if m:
                return m.group(1)
        elif name == "env_prefix" and scope >= 0:
            inner = rec.defs[scope]
            if inner[1] == "Config" and inner[2] == idx:
                m = re.match(r"""['"]([^'"]*)['"]""", text)
                if m:
                    return m.group(1)
    return None


def _same_facts(
    fresh: dict[str, LinkResult], old_links: dict[str, LinkResult], indexable: list[str]
) -> bool:
    """Whether the relinked (and deleted) files' gives leave every parameter fact as it was.
    Only functions those files pass values to can change, so the other files' gives are read
    for those alone."""
    keep = set(indexable)
    new_rows = list(link_gives(fresh.values()))
    gone = [p for p in old_links if p in fresh or p not in keep]  # relinked or deleted
    old_rows = list(link_gives(old_links[p] for p in gone))
    fids = {g[0] for g in new_rows} | {g[0] for g in old_rows}
    if not fids:
        return True
    unchanged = (old_links[p] for p in indexable if p not in fresh and p in old_links)
    others = [g for g in link_gives(unchanged) if g[0] in fids]
    return agree(others + new_rows) == agree(others + old_rows)


def link_files(
    make_resolver: Callable[[], Resolver],
    modules: dict[str, str],
    indexable: list[str],
    to_link: list[str],
    old_links: dict[str, LinkResult],
    old_facts: Facts,
) -> tuple[dict[str, LinkResult], Facts]:
    """Link `to_link` (with the parameter facts of the last build, see indexers/paramflow.py),
    or every file, with fresh facts, when all must be linked or when what the relinked files'
    call sites pass changes the facts: (fresh link results by path, facts they were made with)."""
    if not to_link:
        return {}, old_facts
    if set(to_link) != set(indexable):
        resolver = make_resolver()
        resolver.facts = dict(old_facts)
        fresh = {p: link_file(resolver, modules[p]) for p in to_link}
        if _same_facts(fresh, old_links, indexable):
            return fresh, resolver.facts
    resolver = make_resolver()
    facts, known = compute_facts(resolver, [modules[p] for p in indexable])
    fresh = {p: link_file(resolver, modules[p], known.get(modules[p])) for p in indexable}
    return fresh, facts
