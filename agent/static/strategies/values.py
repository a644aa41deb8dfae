"""Strategies that follow a bad value to where it was made: None, dict keys, models, HTTP bodies."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from debugai.agent.static import flow
from debugai.agent.static.analysis import Analyzer, Site, Step, short, similar
from debugai.agent.static.patterns import Match
from debugai.agent.static.strategies.config import env_key
from debugai.agent.static.suspects import (
    Suspect,
    best_trail,
    from_trail,
    is_test,
    site_label,
    trail_score,
    trail_value,
)

if TYPE_CHECKING:
    from debugai.indexers.model import Symbol


# -- strategies -------------------------------------------------------------------------------
def none_value(an: Analyzer, m: Match) -> list[Suspect]:
    site = an.raise_site
    if site is None:
        return []
    attr = m.groups.get("attr")
    op = m.groups.get("op", "")
    nodes: list[flow.Node] = []
    if an.raised_in_repo:
        if attr:
            nodes = an.nodes_at(site, attr, "attribute")
        elif op == "subscriptable":
            nodes = an.nodes_at(site, None, "subscript")
        elif op == "iterable":
            nodes = an.nodes_at(site, None, "iter")
    nodes = nodes or _none_operands(an, site, m) or an.identifiers_at(site)
    trail = best_trail(an, site, nodes)
    if not trail:
        return []
    receiver = short(flow.text(nodes[0])) if nodes else ""
    extra = {
        "attr": attr or "",
        "receiver": receiver,
        "op": op,
        "typ": m.groups.get("typ", ""),
        "raise_site": site_label(site.file, site.line),
    }
    out = [from_trail(an, trail, trail_value(an, trail), extra)]
    for side in an.side:  # where the key of a missed lookup came from
        out.append(from_trail(an, side + trail[1:], min(trail_score(side), 0.8), extra))
    return out


_OPERANDS = re.compile(r"unsupported operand type\(s\) for \S+: '(\w+)' and '(\w+)'")


def _none_operands(an: Analyzer, site: Site, m: Match) -> list[flow.Node]:
    """`a * b` where the message says which side is None: that operand first, then the line."""
    messages = [e.message for e in reversed(an.trace.chain)] if an.raised_in_repo else []
    found = next((f for f in map(_OPERANDS.search, messages) if f is not None), None)
    if found is None or "NoneType" not in found.groups() or len(set(found.groups())) == 1:
        return []
    side = "left" if found.group(1) == "NoneType" else "right"
    tree = an.tree(site.file)
    scope = flow.enclosing_function(tree, site.line) or tree.root_node
    ops = flow.nodes_on_line(scope, site.line, ("binary_operator", "augmented_assignment"))
    picked = [n.child_by_field_name(side) for n in ops if n.start_point[0] == site.line - 1]
    nodes = [n for n in picked if n is not None]
    return nodes + [n for n in an.identifiers_at(site) if n not in nodes] if nodes else []


def coroutine(an: Analyzer, m: Match) -> list[Suspect]:
    out = none_value(an, m)
    for s in out:
        root = s.chain[0] if s.chain else None
        if root is not None and root.kind == "coroutine":
            s.variables["callee"] = (
                root.explanation.split("`")[1] if "`" in root.explanation else ""
            )
            s.score = 0.95
    if any(s.chain and s.chain[0].kind == "coroutine" for s in out):
        return out
    # Search the functions on the way for a call to a coroutine function without await.
    for site in reversed(an.frames):
        sym = an.symbol(site.symbol)
        fn = an.func_node(sym) if sym else None
        if sym is None or fn is None:
            continue
        for call in flow.calls_in(fn):
            line = call.start_point[0] + 1
            callee = an.resolve_call(
                sym.file, line, flow.text(call.child_by_field_name("function"))
            )
            if callee and an.is_async(callee) and not flow.is_awaited(call):
                step = Step(
                    sym.file,
                    line,
                    sym.id,
                    f"calls `{callee.id}` without `await`",
                    root=True,
                    reason="missing await",
                    kind="coroutine",
                )
                out.append(from_trail(an, [step], 0.85, {"callee": callee.id}))
    return out


def dict_key(an: Analyzer, m: Match) -> list[Suspect]:
    key = m.groups.get("key", "")
    site = an.raise_site
    if site is None:
        return []
    nodes = an.nodes_at(site, key, "key") or an.nodes_at(site, None, "subscript")
    if any("environ" in flow.text(n) for n in nodes):
        return env_key(an, m)
    if not nodes or not an.raised_in_repo:  # raised in a library: follow what was handed to it
        nodes = nodes + an.identifiers_at(site)
    trails = [t for t in (an.trace_expr(site.file, site.line, n) for n in nodes[:12]) if t]
    trails.sort(key=lambda t: -trail_score(t))
    trail = trails[0] if trails else []
    extra = {"key": key, "raise_site": site_label(site.file, site.line)}
    out: list[Suspect] = []
    # Which keys does the producer build? A near-miss of the wanted key is the likely culprit.
    steps = [(t, i, st) for t in trails for i, st in enumerate(t)]
    for t, i, step in steps:
        sym = an.symbol(step.symbol)
        if sym is None or sym.kind != "function":
            continue
        built = keys_built(an, sym)
        close = near_keys(key, [k for k, *_ in built])
        if close:
            file, line, owner = next((f, ln, o) for k, f, ln, o in built if k == close[0])
            root = Step(
                file,
                line,
                owner,
                f"`{owner}` builds the dict with key `{close[0]}`, not `{key}`",
                root=True,
                reason=f"writes `{close[0]}`",
                kind="key",
            )
            s = from_trail(an, [root, *t[i + 1 :]], 0.9, extra)
            s.variables["similar"] = f"key `{close[0]}`"
            return [s]
    if trail:
        s = from_trail(an, trail, trail_score(trail) - 0.1, extra)
        s.variables["similar"] = "other keys"
        out.append(s)
    out.extend(_near_keys_anywhere(an, key, extra))
    out.extend(_key_origins(an, site, key, extra))
    if trail and _deserialized(an, trail[0]):
        out.extend(_serialized_writers(an, site, key, trail, extra))
    if not out and key.isupper():
        return env_key(an, m)
    return out


# A dict that came through a string (`json.loads(...)`) was written by a `dumps` somewhere else.
_DESERIALIZED = re.compile(r"\b(?:loads|load|safe_load|unpackb|decode)\(")
_SERIALIZE = re.compile(r"\b(?:dumps|dump|encode|packb)\(\s*\{")
_LITERAL_KEY = re.compile(r"""["'](\w+)["']\s*:""")
_READ_KEY = re.compile(r"""\[\s*["'](\w+)["']\s*\]|\.get\(\s*["'](\w+)["']""")


def _deserialized(an: Analyzer, root: Step) -> bool:
    """The trail starts at a deserializing call, or at a function returning one."""
    if _DESERIALIZED.search(root.explanation):
        return True
    sym = an.symbol(root.symbol)
    if sym is None or sym.kind != "function":
        return False
    body = an.index.lines(sym.file)[sym.line - 1 : sym.end_line]
    return any(t.lstrip().startswith("return ") and _DESERIALIZED.search(t) for t in body)


def _serialized_writers(
    an: Analyzer, site: Site, key: str, trail: list[Step], extra: dict[str, str]
) -> list[Suspect]:
    """`dumps({"user": ...})` and a reader of `claims["exp"]`, `claims["sub"]`: the writer that
    shares the reader's other keys but not the missing one wrote the dict the reader got."""
    sym = an.symbol(site.symbol)
    lines = an.index.lines(site.file)
    span = lines[sym.line - 1 : sym.end_line] if sym is not None else [lines[site.line - 1]]
    read = {a or b for text in span for a, b in _READ_KEY.findall(text)} - {key}
    if not read:
        return []
    out: list[Suspect] = []
    for file in sorted(an.index.files):
        if is_test(file):
            continue
        flines = an.index.lines(file)
        for i, text in enumerate(flines):
            if not _SERIALIZE.search(text):
                continue
            written = set(_LITERAL_KEY.findall(" ".join(flines[i : i + 6])))
            if key in written or not written & read:
                continue
            owner = an.sym_at(file, i + 1)
            root = Step(
                file,
                i + 1,
                owner,
                f"serializes a dict with keys {', '.join(f'`{k}`' for k in sorted(written))}"
                f", without `{key}`",
                root=True,
                reason=f"writes {', '.join(sorted(written))}",
                kind="key",
            )
            s = from_trail(an, [root, *trail[1:]], 0.88, extra)
            s.variables["similar"] = ", ".join(f"`{k}`" for k in sorted(written - read)) or ""
            out.append(s)
    return out[:3]


def _key_origins(an: Analyzer, site: Site, key: str, extra: dict[str, str]) -> list[Suspect]:
    """`row[group_by]`: the missing key is a value too; follow it to where it was chosen."""
    out = []
    tree = an.tree(site.file)
    scope = flow.enclosing_function(tree, site.line) or tree.root_node
    subs = flow.nodes_on_line(scope, site.line, ("subscript",)) if an.raised_in_repo else []
    for sub in subs:
        index = sub.child_by_field_name("subscript")
        if index is None or index.type not in ("identifier", "attribute"):
            continue
        trail = an.trace_expr(site.file, site.line, index)
        if not trail:
            continue
        root = trail[0]
        if root.kind == "literal" and key in root.explanation:
            root.root, root.kind, root.reason = True, "key", f"chooses the key `{key}`"
        if root.root and root.symbol != site.symbol:
            out.append(from_trail(an, trail, 0.83 if root.kind == "key" else 0.7, extra))
    return out


def keys_built(an: Analyzer, sym: Symbol) -> list[tuple[str, str, int, str]]:
    """(key, file, line, owner) of string keys a function builds, and those of the functions it
    calls (a dict is often assembled from helpers: `{**user_context(u), ...}`)."""
    out: list[tuple[str, str, int, str]] = []
    for target in [sym.id, *[c for c, _ in an.index.callees(sym.id)]]:
        t = an.symbol(target)
        fn = an.func_node(t) if t is not None and t.kind == "function" else None
        if t is None or fn is None:
            continue
        out.extend((k, t.file, ln, t.id) for k, ln in flow.dict_keys(fn))
    return out


def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


def near_keys(key: str, keys: list[str]) -> list[str]:
    """Keys that are the wanted one spelt differently (camelCase, dashes), else look-alikes."""
    same = [k for k in keys if k != key and _norm_key(k) == _norm_key(key)]
    if same:
        return same
    if key in keys:
        return []
    return similar(key, keys, cutoff=0.5)


def _near_keys_anywhere(an: Analyzer, key: str, extra: dict[str, str]) -> list[Suspect]:
    """A dict literal anywhere in the repo writing the wanted key under another spelling."""
    want = _norm_key(key)
    if len(want) < 3:
        return []
    out = []
    quoted = re.compile(r"""["']([A-Za-z0-9_\-]+)["']\s*[:\]]""")
    for file in an.index.files:
        for i, text in enumerate(an.index.lines(file)):
            for k in quoted.findall(text):
                if k != key and _norm_key(k) == want:
                    owner = an.sym_at(file, i + 1)
                    step = Step(
                        file,
                        i + 1,
                        owner,
                        f"writes key `{k}` where readers expect `{key}`",
                        root=True,
                        reason=f"writes `{k}`",
                        kind="key",
                    )
                    s = from_trail(an, [step], 0.82, extra)
                    s.variables["similar"] = f"key `{k}`"
                    out.append(s)
    return out[:3]


def value_origin(an: Analyzer, m: Match) -> list[Suspect]:
    """Generic: follow every value on the raising line back to its origin; keep the best."""
    site = an.raise_site
    if site is None:
        return []
    trail = best_trail(an, site, an.identifiers_at(site))
    # A definite origin, or the function that made the value and has returned since.
    if not trail or not (trail[0].root or (trail[0].kind == "producer" and len(trail) > 1)):
        return []
    extra = {"raise_site": site_label(site.file, site.line)}
    s = from_trail(an, trail, trail_score(trail) - 0.05, extra)
    if trail[0].kind == "env":
        s.variables["category"] = "env-config"
    return [s]


def validation(an: Analyzer, m: Match) -> list[Suspect]:
    """Model vs data drift: the model's field, or the producer that writes it under another key."""
    message = an.trace.final.message
    first = message.splitlines()[0] if message else ""
    mm = re.search(r"for (\w+)", first)
    model = mm.group(1) if mm else ""
    fields = [
        ln.strip()
        for ln in message.splitlines()[1:]
        if re.fullmatch(r"[A-Za-z_][\w.]*", ln.strip())
    ]
    for loc in re.findall(r"'loc': \(([^)]*)\)", message):  # FastAPI's error dicts
        parts = [p.strip(" '\"") for p in loc.split(",") if p.strip(" '\"")]
        if parts and not parts[-1].isdigit():
            fields.append(parts[-1])
    missing = "Field required" in message or "'missing'" in message
    site = an.raise_site
    out: list[Suspect] = []
    if not model and site is not None:  # a response model: named in the route's decorator
        sym = an.symbol(site.symbol)
        for dec in sym.decorators if sym is not None else ():
            rm = re.search(r"response_model\s*=\s*(?:list\[)?(\w+)", dec)
            if rm:
                model = rm.group(1)
    if site is not None:
        calls = [n for n in an.nodes_at(site, None, "call") if model and model in flow.text(n)]
        args: list[flow.Node] = []
        for call in calls:
            argl = call.child_by_field_name("arguments")
            if argl is not None:
                for a in argl.named_children:
                    value = a.child_by_field_name("value") if a.type == "keyword_argument" else a
                    if value is not None and a.type != "comment":
                        args.append(value)
        trails = [
            t
            for t in (an.trace_expr(site.file, site.line, a) for a in args)
            if t and t[0].kind != "literal"
        ]
        trails = [t for t in trails if not t[0].explanation.startswith(f"`{model}`")]
        extra = {"name": model, "raise_site": site_label(site.file, site.line)}
        for field_name in fields if missing else []:
            for t in trails:
                for i, step in enumerate(t):
                    sym = an.symbol(step.symbol)
                    if sym is None or sym.kind != "function":
                        continue
                    built = keys_built(an, sym)
                    close = near_keys(field_name.split(".")[-1], [k for k, *_ in built])
                    if close:
                        file, line, owner = next(
                            (f, ln, o) for k, f, ln, o in built if k == close[0]
                        )
                        root = Step(
                            file,
                            line,
                            owner,
                            f"`{owner}` writes `{close[0]}` where `{model}` requires "
                            f"`{field_name}`",
                            root=True,
                            reason=f"writes `{close[0]}` instead of `{field_name}`",
                            kind="key",
                        )
                        out.append(from_trail(an, [root, *t[i + 1 :]], 0.88, extra))
        for t in trails:
            out.append(from_trail(an, t, trail_score(t) - 0.05, extra))
    # A wrong value: look where the field is filled in. Not for responses that carry a None
    # from the database: there the model's field is what is out of date.
    response_none = "'response'" in message and "'input': None" in message
    if not missing and model and not response_none:
        out.extend(_field_writers(an, model, fields[:2]))
    for sym_id in an.index.resolve_name(model)[:1] if model else []:
        sym = an.symbol(sym_id)
        if sym is None:
            continue
        lines = an.index.lines(sym.file)
        for f in fields[:3]:
            leaf = f.split(".")[-1]
            for ln in range(sym.line, min(sym.end_line, len(lines)) + 1):
                if re.match(rf"\s+{re.escape(leaf)}\s*:", lines[ln - 1]):
                    step = Step(
                        sym.file,
                        ln,
                        sym.id,
                        f"declares field `{leaf}` of `{model}`",
                        root=True,
                        reason=f"field `{leaf}` no longer matches the data",
                        kind="field",
                    )
                    out.append(from_trail(an, [step], 0.72, {"name": model}))
    return out


def _field_writers(an: Analyzer, model: str, fields: list[str]) -> list[Suspect]:
    """Lines that fill a model's field: `Model(field=...)` or `{"field": ...}` in a builder."""
    out = []
    for f in fields:
        leaf = f.split(".")[-1]
        pat = re.compile(rf"""(\b{re.escape(leaf)}\s*=(?!=)|["']{re.escape(leaf)}["']\s*:)""")
        for file in an.index.files:
            if is_test(file):
                continue
            lines = an.index.lines(file)
            mentions_model = any(model in ln for ln in lines)
            for i, text in enumerate(lines):
                if not pat.search(text) or re.match(rf"\s+{re.escape(leaf)}\s*:", text):
                    continue  # a field declaration, not a write
                owner = an.sym_at(file, i + 1)
                step = Step(
                    file,
                    i + 1,
                    owner,
                    f"fills `{leaf}` of `{model}` with `{short(text.strip())}`",
                    root=True,
                    reason=f"the value given for `{leaf}`",
                    kind="field-write",
                )
                out.append(from_trail(an, [step], 0.8 if mentions_model else 0.74, {"name": model}))
    return out[:4]


def http_status(an: Analyzer, m: Match) -> list[Suspect]:
    """A 4xx from an API: the request body was built wrong; follow it to its builder."""
    out: list[Suspect] = []
    for site in reversed(an.frames[-3:]):
        sym = an.symbol(site.symbol)
        fn = an.func_node(sym) if sym is not None and sym.kind == "function" else None
        if fn is None:
            continue
        for call in flow.calls_in(fn):
            argl = call.child_by_field_name("arguments")
            for kw in argl.named_children if argl is not None else []:
                name = flow.text(kw.child_by_field_name("name"))
                value = kw.child_by_field_name("value")
                if kw.type != "keyword_argument" or name not in BODY_ARGS or value is None:
                    continue
                trail = an.trace_expr(site.file, call.start_point[0] + 1, value)
                if trail:
                    s = from_trail(
                        an,
                        trail,
                        trail_score(trail),
                        {"raise_site": site_label(site.file, site.line)},
                    )
                    out.append(s)
        if out:
            break
    return out


BODY_ARGS = ("json", "data", "content", "params", "body")


def settings_validation(an: Analyzer, m: Match) -> list[Suspect]:
    out = validation(an, m)
    for s in out:
        s.score += 0.1
    return out
