"""Strategies about code structure: signatures out of step, import cycles, code under a failing test."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from debugai.agent.static import flow
from debugai.agent.static.analysis import Analyzer, Site, Step, short
from debugai.agent.static.patterns import Match
from debugai.agent.static.strategies.values import keys_built
from debugai.agent.static.suspects import Suspect, from_trail, is_test, site_label

if TYPE_CHECKING:
    from debugai.indexers.model import Symbol


def signature(an: Analyzer, m: Match) -> list[Suspect]:
    """Call vs definition mismatch: decide which side changed from the other call sites."""
    site = an.raise_site
    name = (m.groups.get("name") or "").removesuffix("()")
    message = an.trace.final.message
    out: list[Suspect] = []
    targets: list[str] = an.index.resolve_name(name)[:2] if "." in name else []
    if site is not None and not targets:
        for callee, text in an.index.calls_at(site.file, site.line):
            if not name or text.endswith(name.rsplit(".", 1)[-1]) or callee.endswith(name):
                targets.append(callee)
    if name and not targets:
        targets = an.index.resolve_name(name)[:2]
    extra = {"raise_site": site_label(site.file, site.line) if site else "?"}
    kw = re.search(r"unexpected keyword argument '(\w+)'", message)
    missing = re.search(r"missing \d+ required \w+ arguments?: '(\w+)'", message)
    positional = re.search(r"takes \d+ positional arguments? but \d+ (were|was) given", message)
    for tid in targets[:2]:
        sym = an.symbol(tid)
        if sym is None:
            continue
        if sym.kind == "class":
            sym = an.symbol(sym.id + ".__init__") or sym
        fn = an.func_node(sym)
        params = fn.child_by_field_name("parameters") if fn is not None else None
        end = params.end_point[0] + 1 if params is not None else sym.line
        def_score, call_score = 0.8, 0.7
        reason = ""
        if kw and _base_accepts(an, sym, kw.group(1)):
            def_score, reason = 0.9, f"it overrides a method that accepts `{kw.group(1)}`"
        elif missing and _other_calls_pass(an, sym, site):
            call_score, reason = 0.86, "other call sites already pass the new argument"
        elif positional and "*" in (sym.signature or ""):
            # Too many positionals for a definition with keyword-only parameters: the API
            # moved to keywords on purpose and this caller was not updated.
            call_score, reason = 0.86, "the definition takes these arguments by keyword only"
        step = Step(
            sym.file,
            sym.line,
            sym.id,
            f"defines `{sym.id}{sym.signature or ''}`",
            root=True,
            reason=reason or "the definition's signature",
            kind="signature",
            end_line=end,
        )
        out.append(from_trail(an, [step], def_score, {**extra, "reason": reason}))
        if site is not None and an.raised_in_repo:
            call = Step(
                site.file,
                site.line,
                site.symbol,
                "calls it with the old arguments",
                root=True,
                reason="the call site",
                kind="call",
            )
            out.append(from_trail(an, [call], call_score, {**extra, "reason": reason}))
    legit = kw is not None and any(
        (t := an.symbol(tid)) is not None and _base_accepts(an, t, kw.group(1))
        for tid in targets[:2]
    )  # a base class takes the keyword: the override is stale, not its callers
    if kw and name and not legit:  # the old keyword may be bound far away: partial(f, k=...)
        short_name = name.rsplit(".", 1)[-1]
        pat = re.compile(rf"\b{re.escape(short_name)}\b.*\b{re.escape(kw.group(1))}\s*=(?!=)")
        for file in an.index.files:
            for i, text in enumerate(an.index.lines(file)):
                if pat.search(text) and not text.lstrip().startswith(("def ", "async def ")):
                    owner = an.sym_at(file, i + 1)
                    step = Step(
                        file,
                        i + 1,
                        owner,
                        f"still passes `{kw.group(1)}=` to `{short_name}`",
                        root=True,
                        reason=f"passes the old keyword `{kw.group(1)}`",
                        kind="key",
                    )
                    out.append(from_trail(an, [step], 0.88, extra))
    if kw and site is not None:  # `f(**opts)`: the keyword comes from a dict someone built
        for node in an.nodes_at(site, None, "call"):
            argl = node.child_by_field_name("arguments")
            for a in argl.named_children if argl is not None else []:
                if a.type != "dictionary_splat" or not a.named_children:
                    continue
                trail = an.trace_expr(site.file, site.line, a.named_children[0])
                for i, st in enumerate(trail):
                    osym = an.symbol(st.symbol)
                    if osym is None or osym.kind != "function":
                        continue
                    built = keys_built(an, osym)
                    hit = next(((f, ln, o) for k, f, ln, o in built if k == kw.group(1)), None)
                    if hit:
                        root = Step(
                            hit[0],
                            hit[1],
                            hit[2],
                            f"`{hit[2]}` still passes `{kw.group(1)}`",
                            root=True,
                            reason=f"builds keyword `{kw.group(1)}`",
                            kind="key",
                        )
                        out.append(from_trail(an, [root, *trail[i + 1 :]], 0.9, extra))
                        break
    if site is not None and not targets and an.raised_in_repo:
        call = Step(
            site.file,
            site.line,
            site.symbol,
            "calls it with the wrong arguments",
            root=True,
            reason="the call site",
            kind="call",
        )
        out.append(from_trail(an, [call], 0.7, extra))
    out.extend(_defaults_instantiated(an, name))
    return out


def _base_accepts(an: Analyzer, sym: Symbol, keyword: str) -> bool:
    """A same-named method of a base class (by `inherits` edges) takes the keyword."""
    cls_id, _, meth = sym.id.rpartition(".")
    if cls_id not in an.index.graph:
        return False
    for _u, base, kind in an.index.graph.out_edges(cls_id, data="kind"):
        other = an.symbol(f"{base}.{meth}")
        if (
            kind == "inherits"
            and other is not None
            and re.search(rf"\b{re.escape(keyword)}\b", other.signature or "")
        ):
            return True
    return False


def _other_calls_pass(an: Analyzer, sym: Symbol, site: Site | None) -> bool:
    """Whether another call site passes as many positional arguments as the definition needs."""
    fn = an.func_node(sym)
    if fn is None:
        return False
    params = flow.parameters(fn)
    required = len([p for p in params if p not in ("self", "cls")])
    for caller, line in an.index.callers(sym.id):
        csym = an.symbol(caller)
        if csym is None or (site is not None and (csym.file, line) == (site.file, site.line)):
            continue
        for call in flow.nodes_on_line(an.tree(csym.file).root_node, line, ("call",)):
            if not flow.text(call.child_by_field_name("function")).endswith(sym.name):
                continue
            argl = call.child_by_field_name("arguments")
            n_args = len(argl.named_children) if argl is not None else 0
            if n_args >= required:
                return True
    return False


def _defaults_instantiated(an: Analyzer, name: str) -> list[Suspect]:
    """FastAPI: `repo: Repo = Repo()` in a signature instead of `Depends(Repo)`."""
    cls = name.split(".")[0] if name else ""
    if not cls or not cls[:1].isupper():
        return []
    out = []
    pat = re.compile(rf"[:,(]\s*\w+\s*(:\s*[\w\[\]., ]+)?=\s*{re.escape(cls)}\(")
    for file in an.index.files:
        for i, text in enumerate(an.index.lines(file)):
            if pat.search(text):
                step = Step(
                    file,
                    i + 1,
                    an.sym_at(file, i + 1),
                    f"instantiates `{cls}()` as a default instead of `Depends({cls})`",
                    root=True,
                    reason="default instantiated at import",
                    kind="depends",
                )
                out.append(from_trail(an, [step], 0.88, {}))
    return out


LAYERS = (  # lower layers should not import higher ones; an upward import closes most cycles
    (
        "__init__",
        "version",
        "constants",
        "config",
        "settings",
        "conf",
        "types",
        "enums",
        "errors",
        "exceptions",
        "utils",
    ),
    ("schemas", "models", "entities", "domain"),
    ("db", "database", "repository", "repositories", "repo", "store", "storage", "dao"),
    ("services", "service", "pricing", "billing", "logic", "core", "handlers", "tasks"),
    ("api", "routes", "views", "app", "main", "server", "cli", "web", "endpoints", "wsgi"),
)


def _layer(module: str, file: str) -> int:
    parts = [p for p in module.split(".") if p]
    names = (["__init__"] if file.endswith("__init__.py") else []) + parts[::-1]
    for name in names:
        for level, words in enumerate(LAYERS):
            if name in words:
                return level
    return 2


def circular_import(an: Analyzer, m: Match) -> list[Suspect]:
    module_frames = [s for s in an.frames if s.function == "<module>"]
    message = an.trace.final.message
    mm = re.search(r"(?:partially initialized module|from) '([\w.]+)'", message)
    name = re.search(r"cannot import name '(\w+)'|has no attribute '(\w+)'", message)
    partial = mm.group(1) if mm else ""
    mods = [an.index.module_of(s.file) or s.file for s in module_frames]
    cycle = " -> ".join(mods)
    out: list[Suspect] = []
    for s in module_frames:
        mod = an.index.module_of(s.file) or ""
        imported = re.match(
            r"\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))", an.line_text(s.file, s.line)
        )
        target = (imported.group(1) or imported.group(2)) if imported else ""
        if target.startswith("."):
            target = mod.rsplit(".", 1)[0] + target
        # The importer's own __init__ makes it a package root; an imported package is its name.
        own_submodule = s.file.endswith("__init__.py") and target.startswith(mod + ".")
        upward = bool(target) and not own_submodule and _layer(mod, s.file) < _layer(target, "")
        score = 0.7 + 0.15 * upward + 0.1 * (mod == partial)
        step = Step(
            s.file,
            s.line,
            mod,
            f"imports at module level: `{short(s.source or '')}`",
            root=True,
            reason="an import from a lower layer up" if upward else "module-level import",
            kind="import",
        )
        missing = next((g for g in (name.groups() if name else ()) if g), "?")
        out.append(from_trail(an, [step], score, {"reason": cycle, "name": missing}))
    return out


def assertion(an: Analyzer, m: Match) -> list[Suspect]:
    """Rank the code under test: the callee closure of the failing test, leaves and boundaries first."""
    site = an.raise_site
    if site is None:
        return []
    roots: list[str] = []
    for node in an.identifiers_at(site)[:8]:
        trail = an.trace_expr(site.file, site.line, node)
        roots.extend(st.symbol for st in trail if st.symbol and not is_test(st.file))
    test_fn = an.symbol(site.symbol)
    if test_fn is not None:
        roots.extend(c for c, _ in an.index.callees(test_fn.id))
        roots.extend(_routes_hit(an, test_fn))
    test_text = (
        "\n".join(an.index.lines(site.file)[test_fn.line - 1 : test_fn.end_line])
        if (test_fn is not None)
        else (site.source or "")
    )
    used = set(re.findall(r"\.(\w+)", test_text))
    depth: dict[str, int] = {}
    frontier = [r for r in dict.fromkeys(roots) if r in an.index.symbols]
    for d in range(4):
        nxt: list[str] = []
        for sym_id in frontier:
            if sym_id in depth:
                continue
            depth[sym_id] = d
            sym = an.index.symbols[sym_id]
            if sym.kind == "class":  # constructing it runs these; the test reads the rest
                members = ("__init__", "__post_init__", "__new__", *used)
                nxt.extend(f"{sym_id}.{m}" for m in members)
            nxt.extend(c for c, _ in an.index.callees(sym_id))
        frontier = [n for n in nxt if n in an.index.symbols]
    words = _words(test_fn.name if test_fn else "") | _words(site.source or "")
    scored = []
    for sym_id, d in depth.items():
        sym = an.index.symbols[sym_id]
        if sym.kind != "function" or is_test(sym.file):
            continue
        lines = an.index.lines(sym.file)[sym.line - 1 : sym.end_line]
        body = "\n".join(lines)
        in_repo_callees = [c for c, _ in an.index.callees(sym_id) if c in an.index.symbols]
        cmp_line = _boundary_line(sym.line, lines)
        overlap = len(words & (_words(sym.name) | _words(sym.doc or "")))
        # Bugs under a failing test sit low in the call tree more often than high.
        score = (
            0.55
            + 0.08 * (not in_repo_callees)
            + 0.1 * (cmp_line is not None)
            + 0.06 * min(overlap, 2)
            + 0.04 * min(d, 3)
        )
        ret_lines = [sym.line + i for i, ln in enumerate(lines) if ln.strip().startswith("return")]
        line = cmp_line or (ret_lines[-1] if ret_lines else sym.line)
        why = f"`{sym.id}` is code under the failing test"
        if cmp_line:
            why += f"; its boundary `{short(an.line_text(sym.file, cmp_line).strip())}`"
        step = Step(
            sym.file, line, sym.id, why, root=True, reason="code under test", kind="under-test"
        )
        scored.append(
            from_trail(an, [step], score, {"raise_site": site_label(site.file, site.line)})
        )
        del body
    scored.sort(key=lambda s: -s.score)
    return scored[:6]


COMPARE = re.compile(r"(?<![=!<>-])(<=|>=|<|>)(?![=>])")

ARITH = re.compile(r"[-+*/%]\s*\d|\d\s*[-+*/%]|timedelta\(|range\(|\bint\(|\bround\(|//")


def _boundary_line(first: int, lines: list[str]) -> int | None:
    """A comparison (off-by-one prone) first, else arithmetic on constants, returns preferred."""
    body = [(first + i, ln) for i, ln in enumerate(lines) if i and not ln.strip().startswith("#")]
    for no, ln in body:
        if COMPARE.search(ln) and not ln.strip().startswith(("def ", "return f", '"')):
            return no
    arith = [(no, ln) for no, ln in body if ARITH.search(ln)]
    returning = [no for no, ln in arith if ln.strip().startswith("return")]
    if returning:
        return returning[-1]
    return arith[0][0] if arith else None


_STOP = {
    "test",
    "the",
    "a",
    "an",
    "of",
    "is",
    "are",
    "with",
    "and",
    "or",
    "to",
    "in",
    "on",
    "get",
    "gets",
    "for",
    "assert",
    "be",
    "it",
    "not",
    "no",
    "by",
    "self",
}


def _words(text: str) -> set[str]:
    parts = re.findall(r"[a-z]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", text).lower())
    return {_stem(p) for p in parts if len(p) > 2 and p not in _STOP}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _routes_hit(an: Analyzer, test_fn: Symbol) -> list[str]:
    """Route handlers a test reaches through a test client: `client.get("/path")`."""
    body = "\n".join(an.index.lines(test_fn.file)[test_fn.line - 1 : test_fn.end_line])
    paths = set(re.findall(r"\.(?:get|post|put|patch|delete)\(\s*f?[\"']([^\"'?{]+)", body))
    if not paths:
        return []
    out = []
    for sym in an.index.symbols.values():
        for dec in sym.decorators:
            m = re.search(
                r"\.(?:get|post|put|patch|delete|route|api_route)\(\s*[\"']([^\"']+)", dec
            )
            if m and m.group(1).rstrip("/") in {p.rstrip("/") for p in paths}:
                out.append(sym.id)
    return out
