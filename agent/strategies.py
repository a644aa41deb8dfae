"""Strategies of the static engine: each follows one family of failures back to its origin.

A strategy returns Suspects; the wording shown to the user comes from the pattern files in
debugai.prompts/patterns, filled with the variables a strategy found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from debugai.agent import flow
from debugai.agent.analysis import Analyzer, Site, Step, short, similar
from debugai.agent.patterns import Match

if TYPE_CHECKING:
    from debugai.indexers.model import Symbol

TEXT_CONFIG_FILES = (".env", ".env.example", ".env.sample", ".flaskenv")
TEXT_CONFIG_SUFFIXES = (".env", ".ini", ".cfg", ".toml", ".yaml", ".yml", ".conf")
DRIVERS = {
    "psycopg2": "postgresql",
    "psycopg": "postgresql",
    "asyncpg": "postgresql+asyncpg",
    "pymysql": "mysql+pymysql",
    "MySQLdb": "mysql",
    "aiosqlite": "sqlite+aiosqlite",
    "aiomysql": "mysql+aiomysql",
    "cx_Oracle": "oracle",
    "oracledb": "oracle",
    "pyodbc": "mssql+pyodbc",
}
LOOP_BOUND = re.compile(
    r"\b(AsyncClient|ClientSession|create_async_engine|async_sessionmaker|asyncio\.(Lock|Queue|"
    r"Event|Semaphore|Condition)|get_event_loop|new_event_loop|AsyncIOMotorClient|Redis)\s*\("
)
BLOCKING = re.compile(
    r"\b(time\.sleep|requests\.(get|post|put|delete|request)|urlopen|subprocess\.(run|call|"
    r"check_output)|socket\.create_connection)\s*\("
)


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
    nodes = nodes or an.identifiers_at(site)
    trail = best_trail(an, site, nodes)
    if not trail:
        return []
    receiver = short(flow.text(nodes[0])) if nodes else "?"
    extra = {
        "attr": attr or "",
        "receiver": receiver,
        "op": op,
        "typ": m.groups.get("typ", ""),
        "raise_site": site_label(site.file, site.line),
    }
    out = [from_trail(an, trail, trail_score(trail), extra)]
    for side in an.side:  # where the key of a missed lookup came from
        out.append(from_trail(an, side + trail[1:], min(trail_score(side), 0.8), extra))
    return out


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
        built = _keys_built(an, sym)
        close = _near_keys(key, [k for k, *_ in built])
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
    if not out and key.isupper():
        return env_key(an, m)
    return out


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


def _keys_built(an: Analyzer, sym: Symbol) -> list[tuple[str, str, int, str]]:
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


def _near_keys(key: str, keys: list[str]) -> list[str]:
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


def _config_texts(an: Analyzer) -> list[tuple[str, int, str]]:
    """(file, line, text) of small non-Python config files at the repo's top levels."""
    out: list[tuple[str, int, str]] = []
    root = an.index.root
    for path in sorted(root.glob("*")) + sorted(root.glob("*/*")):
        name = path.name
        if ".venv" in path.parts or "node_modules" in path.parts or not path.is_file():
            continue
        if not (
            name in TEXT_CONFIG_FILES
            or name.startswith(".env")
            or path.suffix in TEXT_CONFIG_SUFFIXES
            or name.startswith("requirements")
            or name in ("Dockerfile", "Procfile")
        ):
            continue
        try:
            if path.stat().st_size > 200_000:
                continue
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        rel = path.relative_to(root).as_posix()
        out.extend((rel, i + 1, t) for i, t in enumerate(lines))
    return out


def env_key(an: Analyzer, m: Match) -> list[Suspect]:
    var = m.groups.get("key") or m.groups.get("var") or ""
    reads = [r for r in an.index.env_reads if r.var == var]
    names = [r.var for r in an.index.env_reads]
    for _, _, text in _config_texts(an):
        names.extend(re.findall(r"\b([A-Z][A-Z0-9_]{2,})\s*[=:]", text))
    close = similar(var, names)
    sim = f"A similar name exists: `{close[0]}` — a misspelling?" if close else ""
    out = []
    for r in reads[:3]:
        step = Step(
            r.file,
            r.line,
            r.symbol,
            f"reads environment variable `{var}` ({r.how})",
            root=True,
            reason="environment variable not set",
            kind="env",
        )
        out.append(from_trail(an, [step], 0.85, {"var": var, "similar": sim}))
    if close:  # the other spelling's place: one of the two is wrong
        for r in an.index.env_reads:
            if r.var == close[0]:
                step = Step(
                    r.file,
                    r.line,
                    r.symbol,
                    f"reads `{close[0]}` (vs `{var}`)",
                    root=True,
                    reason="variable name differs",
                    kind="env",
                )
                out.append(from_trail(an, [step], 0.8, {"var": var, "similar": sim}))
    return out


def db_url(an: Analyzer, m: Match) -> list[Suspect]:
    scheme = m.groups.get("scheme", "").split(".")[0]
    out: list[Suspect] = []
    pat = re.compile(rf"\b{re.escape(scheme)}(\+\w+)?://" if scheme else r"\w+(\+\w+)?://")
    hits: list[tuple[str, int, str]] = []
    for file in an.index.files:
        for i, text in enumerate(an.index.lines(file)):
            if pat.search(text):
                hits.append((file, i + 1, text))
    hits.extend(h for h in _config_texts(an) if pat.search(h[2]))
    for file, line, text in hits[:4]:
        sym = an.sym_at(file, line) if file.endswith(".py") else None
        step = Step(
            file,
            line,
            sym,
            f"builds the database URL: `{short(text.strip())}`",
            root=True,
            reason="URL scheme",
            kind="config",
        )
        out.append(from_trail(an, [step], 0.85 if file.endswith(".py") else 0.8, {}))
    for r in an.index.env_reads:
        if re.search(r"(URL|DSN|URI)", r.var):
            step = Step(
                r.file,
                r.line,
                r.symbol,
                f"reads the database URL from `{r.var}`",
                root=True,
                reason="URL from the environment",
                kind="env",
            )
            out.append(from_trail(an, [step], 0.6, {}))
    return out


def missing_module(an: Analyzer, m: Match) -> list[Suspect]:
    module = m.groups.get("module", "")
    top = module.split(".")[0]
    out: list[Suspect] = []
    declared = _declared_dependencies(an.index.root)
    in_repo = an.index.file_of(top) is not None or any(
        mod.split(".")[0] == top for mod in (an.index.module_of(f) for f in an.index.files) if mod
    )
    if top in DRIVERS:  # a driver SQLAlchemy loads for a URL: the URL chose it
        for s in db_url(an, Match(m.pattern, {"scheme": DRIVERS[top].split("+")[0]})):
            s.score = max(s.score, 0.8)
            s.variables["reason"] = f"the database URL selects the `{top}` driver"
            out.append(s)
    importers = []
    pat = re.compile(rf"^\s*(from\s+{re.escape(module)}\b|import\s+{re.escape(module)}\b)")
    for file in an.index.files:
        for i, text in enumerate(an.index.lines(file)):
            if pat.match(text):
                importers.append((file, i + 1))
    reason = (
        f"`{top}` is declared in the project's dependencies but not installed here"
        if top.lower() in declared
        else f"`{top}` is imported but not declared in the project's dependencies"
    )
    sim = ""
    if in_repo or an.index.close_matches(module):
        close = an.index.close_matches(module, 1)
        sim = f"Did you mean `{close[0]}`?" if close else ""
    for file, line in importers[:3]:
        step = Step(
            file,
            line,
            an.sym_at(file, line),
            f"imports `{module}`",
            root=True,
            reason=reason,
            kind="import",
        )
        out.append(
            from_trail(an, [step], 0.75, {"module": module, "reason": reason, "similar": sim})
        )
    return out


def _declared_dependencies(root: Path) -> set[str]:
    names: set[str] = set()
    for path in list(root.glob("requirements*.txt")) + list(root.glob("*/requirements*.txt")):
        for text in path.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r"\s*([A-Za-z0-9_.\-]+)", text)
            if m and not text.strip().startswith(("#", "-")):
                names.add(m.group(1).lower().replace("-", "_"))
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        text = pyproject.read_text(encoding="utf-8", errors="replace")
        names.update(n.lower().replace("-", "_") for n in re.findall(r'"([A-Za-z0-9_.\-]+)', text))
    return names


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
                    built = _keys_built(an, osym)
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
                    built = _keys_built(an, sym)
                    close = _near_keys(field_name.split(".")[-1], [k for k, *_ in built])
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
            if _is_test(file):
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


def lazy_load(an: Analyzer, m: Match) -> list[Suspect]:
    """An ORM object used outside what its session allows: find the function that loaded it."""
    out: list[Suspect] = []
    message = an.trace.final.message
    if re.search(r"refresh operation|expired|expire_on_commit", message):
        out.extend(_session_factories(an, "expire_on_commit"))
    for site in reversed(an.frames[-3:]):
        bases: list[flow.Node] = []
        for n in an.nodes_at(site, None, "attribute"):
            while n.type == "attribute" and n.child_by_field_name("object") is not None:
                n = n.child_by_field_name("object")  # type: ignore[assignment]
            if n.type == "identifier" and flow.text(n) not in ("self", "cls"):
                bases.append(n)
        for node in bases[:4]:
            trail = an.trace_expr(site.file, site.line, node)
            loader = next(
                (
                    st
                    for st in trail
                    if st.symbol
                    and st.symbol != site.symbol
                    and (sym := an.symbol(st.symbol)) is not None
                    and sym.kind == "function"
                ),
                None,
            )
            if loader is None:
                continue
            sym = an.symbol(loader.symbol)
            assert sym is not None
            line = sym.line
            lines = an.index.lines(sym.file)
            for ln in range(sym.line, min(sym.end_line, len(lines)) + 1):
                if re.search(r"\b(select|query|execute|get|scalars?|refresh)\(", lines[ln - 1]):
                    line = ln
                    break
            root = Step(
                sym.file,
                line,
                sym.id,
                f"`{sym.id}` loads the object",
                root=True,
                reason="loads it",
                kind="session",
            )
            rest = trail[trail.index(loader) + 1 :]
            out.append(
                from_trail(an, [root, *rest], 0.8, {"raise_site": site_label(site.file, site.line)})
            )
            return out
    return out


def _session_factories(an: Analyzer, setting: str) -> list[Suspect]:
    """`sessionmaker(...)` / `Session(...)` calls: their settings decide when objects expire."""
    out = []
    pat = re.compile(r"\b(sessionmaker|async_sessionmaker|scoped_session|Session)\(")
    for file in an.index.files:
        for i, text in enumerate(an.index.lines(file)):
            if pat.search(text) and not text.lstrip().startswith(("def ", "class ", "#")):
                step = Step(
                    file,
                    i + 1,
                    an.sym_at(file, i + 1),
                    f"the session factory: its `{setting}` decides whether objects "
                    "outlive the commit",
                    root=True,
                    reason=setting,
                    kind="session",
                )
                out.append(from_trail(an, [step], 0.78, {}))
    return out[:2]


def event_loop(an: Analyzer, m: Match) -> list[Suspect]:
    out: list[Suspect] = []
    loop_classes = _loop_bound_classes(an)
    for a in an.index.assignments:
        called = re.match(r"\s*([\w.]+)\s*\(", a.value)
        cls = called.group(1).rsplit(".", 1)[-1] if called else ""
        if LOOP_BOUND.search(a.value) or cls in loop_classes:
            step = Step(
                a.file,
                a.line,
                a.module,
                f"creates `{a.name}` at import time",
                root=True,
                reason=f"`{a.name}` is created outside the running loop",
                kind="loop",
            )
            out.append(from_trail(an, [step], 0.85, {"reason": step.reason}))
    nested = re.search(r"running event loop|already running", an.trace.final.message)
    for i, site in enumerate(an.frames if nested else []):
        if re.search(r"asyncio\.run\(|run_until_complete\(", an.line_text(site.file, site.line)):
            step = Step(
                site.file,
                site.line,
                site.symbol,
                "starts a new event loop here",
                root=True,
                reason="asyncio.run() inside a running loop",
                kind="loop",
            )
            out.append(from_trail(an, [step], 0.75, {"reason": step.reason}))
            if i > 0:  # the caller runs inside the loop and should have awaited the async API
                caller = an.frames[i - 1]
                step = Step(
                    caller.file,
                    caller.line,
                    caller.symbol,
                    "calls a blocking helper that starts its own event loop, from code "
                    "already running in one",
                    root=True,
                    reason="sync wrapper called from async code",
                    kind="loop",
                )
                out.append(from_trail(an, [step], 0.85, {"reason": step.reason}))
    return out


def _loop_bound_classes(an: Analyzer) -> set[str]:
    """Repo classes whose body or __init__ creates loop-bound objects (locks, queues, clients)."""
    out = set()
    for sym in an.index.symbols.values():
        if sym.kind != "class":
            continue
        body = an.index.lines(sym.file)[sym.line - 1 : sym.end_line]
        if any(LOOP_BOUND.search(ln) for ln in body):
            out.add(sym.name)
    return out


def blocking(an: Analyzer, m: Match) -> list[Suspect]:
    """A blocking call in any coroutine: the task that starves is rarely the one blocking."""
    out: list[Suspect] = []
    for sym in an.index.symbols.values():
        if sym.kind != "function" or not an.is_async(sym):
            continue
        lines = an.index.lines(sym.file)
        for ln in range(sym.line, min(sym.end_line, len(lines)) + 1):
            hit = BLOCKING.search(lines[ln - 1])
            if hit:
                step = Step(
                    sym.file,
                    ln,
                    sym.id,
                    f"blocking `{hit.group(1)}` in async code",
                    root=True,
                    reason="blocks the event loop",
                    kind="blocking",
                )
                out.append(from_trail(an, [step], 0.85, {"callee": hit.group(1)}))
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
        roots.extend(st.symbol for st in trail if st.symbol and not _is_test(st.file))
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
        if sym.kind != "function" or _is_test(sym.file):
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


def _is_test(file: str) -> bool:
    name = file.rsplit("/", 1)[-1]
    return name.startswith("test_") or name.endswith("_test.py") or "/tests/" in f"/{file}"


def value_origin(an: Analyzer, m: Match) -> list[Suspect]:
    """Generic: follow every value on the raising line back to its origin; keep the best."""
    site = an.raise_site
    if site is None:
        return []
    trail = best_trail(an, site, an.identifiers_at(site))
    if not trail or not trail[0].root:
        return []
    extra = {"raise_site": site_label(site.file, site.line)}
    s = from_trail(an, trail, trail_score(trail) - 0.05, extra)
    if trail[0].kind == "env":
        s.variables["category"] = "env-config"
    return [s]


FASTAPI_PARAMS = (
    "Depends",
    "Query",
    "Path",
    "Body",
    "Header",
    "Cookie",
    "Form",
    "File",
    "Security",
    "Field",
)


def fastapi_wiring(an: Analyzer, m: Match) -> list[Suspect]:
    """Dependencies wired wrong: instances made once as defaults, resources returned from `with`."""
    depends = set()
    routes = set()
    for file in an.index.files:
        text = "\n".join(an.index.lines(file))
        if "fastapi" not in text and "Depends(" not in text:
            continue
        depends.update(re.findall(r"Depends\(\s*([\w.]+)", text))
    for sym in an.index.symbols.values():
        if any(
            re.search(r"\.(get|post|put|patch|delete|api_route|websocket)\(", d)
            for d in sym.decorators
        ):
            routes.add(sym.id)
    if not depends and not routes:
        return []
    wired: set[str] = set(routes)
    for name in depends:
        for sym_id in an.index.resolve_name(name)[:1]:
            sym = an.index.symbols[sym_id]
            wired.add(sym_id if sym.kind == "function" else f"{sym_id}.__init__")
    closed = "None" in an.trace.final.message or "closed" in an.trace.final.message
    out = []
    for sym_id in sorted(wired):
        wsym = an.symbol(sym_id)
        fn = an.func_node(wsym) if wsym is not None else None
        if wsym is None or fn is None:
            continue
        params = fn.child_by_field_name("parameters")
        for p in params.named_children if params is not None else []:
            value = p.child_by_field_name("value")
            if p.type not in ("default_parameter", "typed_default_parameter") or value is None:
                continue
            callee = (
                flow.text(value.child_by_field_name("function")) if value.type == "call" else ""
            )
            if callee and callee.rsplit(".", 1)[-1] not in FASTAPI_PARAMS:
                line = p.start_point[0] + 1
                step = Step(
                    wsym.file,
                    line,
                    wsym.id,
                    f"`{flow.text(p)}` is created once, at import, not per request",
                    root=True,
                    reason="a dependency instantiated as a default",
                    kind="depends",
                )
                out.append(from_trail(an, [step], 0.86, {}))
        if wsym.kind == "function" and wsym.name in depends:
            for w in flow.nodes_of(fn, "with_statement"):
                for ret in flow.nodes_of(w, "return_statement"):
                    step = Step(
                        wsym.file,
                        ret.start_point[0] + 1,
                        wsym.id,
                        f"dependency `{wsym.id}` returns from inside its `with` block: the "
                        "resource is closed before the route uses it (use `yield`)",
                        root=True,
                        reason="return instead of yield",
                        kind="depends",
                    )
                    out.append(from_trail(an, [step], 0.93 if closed else 0.8, {}))
    return out


def session_origin(an: Analyzer, m: Match) -> list[Suspect]:
    """Trace the session object on the failing line (or the frames above) to where it is made."""
    out: list[Suspect] = []
    for site in reversed(an.frames[-3:]):
        nodes = [
            n
            for n in an.identifiers_at(site)
            if re.search(r"(?i)session|db|conn|uow", flow.text(n))
        ]
        trail = best_trail(an, site, nodes)
        if trail and trail[0].symbol and trail[0].symbol != site.symbol:
            sym = an.symbol(trail[0].symbol)
            if sym is not None and trail[0].kind == "global":
                trail[0].root = True
            out.append(
                from_trail(
                    an,
                    trail,
                    max(trail_score(trail), 0.75),
                    {"raise_site": site_label(site.file, site.line)},
                )
            )
            break
    return out


def context_manager_kind(an: Analyzer, m: Match) -> list[Suspect]:
    """`async with f()` on a sync context manager (or the reverse): blame f's decorator."""
    out: list[Suspect] = []
    for site in reversed(an.frames[-2:]):
        for call in an.nodes_at(site, None, "call"):
            target = an.resolve_call(
                site.file, site.line, flow.text(call.child_by_field_name("function"))
            )
            if target is None:
                continue
            decorators = " ".join(target.decorators)
            is_async = an.is_async(target)
            sync_cm = "contextmanager" in decorators and "asynccontextmanager" not in decorators
            if (sync_cm and is_async) or (
                sync_cm and "async with" in an.line_text(site.file, site.line)
            ):
                line = target.decorated_line or target.line
                kind = "sync context manager (`@contextmanager`)"
                step = Step(
                    target.file,
                    line,
                    target.id,
                    f"`{target.id}` is decorated as a {kind}"
                    + (" on an async generator" if is_async else ""),
                    root=True,
                    reason=kind,
                    kind="async",
                )
                out.append(
                    from_trail(
                        an,
                        [step],
                        0.9,
                        {"raise_site": site_label(site.file, site.line), "reason": kind},
                    )
                )
        if out:
            break
    return out


DB_CALL = re.compile(r"\.(add|add_all|flush|commit|execute|merge|delete|bulk_\w+)\(")


def swallowed_error(an: Analyzer, m: Match) -> list[Suspect]:
    """`except IntegrityError: ...` with no rollback around session work poisons the session."""
    out: list[Suspect] = []
    modules = {s.file for s in an.frames}
    for sym in an.index.symbols.values():
        fn = an.func_node(sym) if sym.kind == "function" else None
        if fn is None:
            continue
        for tr in flow.nodes_of(fn, "try_statement"):
            body = tr.child_by_field_name("body")
            if body is None or not DB_CALL.search(flow.text(body)):
                continue
            for clause in (c for c in tr.children if c.type == "except_clause"):
                text = flow.text(clause)
                if "rollback" in text or re.search(r"^\s*raise\b", text, re.M):
                    continue
                line = clause.start_point[0] + 1
                score = 0.88 if sym.file in modules else 0.8
                step = Step(
                    sym.file,
                    line,
                    sym.id,
                    f"`{sym.id}` swallows a database error without rolling back",
                    root=True,
                    reason="error caught without rollback",
                    kind="session",
                )
                out.append(from_trail(an, [step], score, {}))
    return out


STRATEGIES: dict[str, Strategy] = {
    "swallowed_error": swallowed_error,
    "context_manager_kind": context_manager_kind,
    "session_origin": session_origin,
    "fastapi_wiring": fastapi_wiring,
    "http_status": http_status,
    "value_origin": value_origin,
    "none_value": none_value,
    "coroutine": coroutine,
    "dict_key": dict_key,
    "env_key": env_key,
    "db_url": db_url,
    "missing_module": missing_module,
    "signature": signature,
    "validation": validation,
    "settings_validation": settings_validation,
    "lazy_load": lazy_load,
    "event_loop": event_loop,
    "blocking": blocking,
    "circular_import": circular_import,
    "assertion": assertion,
}
