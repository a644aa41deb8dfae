"""Strategies for runtime machinery: event loops, ORM sessions, FastAPI dependency wiring."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from debugai.agent.static import flow
from debugai.agent.static.analysis import Analyzer, Step
from debugai.agent.static.envnames import config_texts
from debugai.agent.static.patterns import Match
from debugai.agent.static.suspects import Suspect, best_trail, from_trail, site_label, trail_score

if TYPE_CHECKING:
    pass


LOOP_BOUND = re.compile(
    r"\b(AsyncClient|ClientSession|create_async_engine|async_sessionmaker|asyncio\.(Lock|Queue|"
    r"Event|Semaphore|Condition)|get_event_loop|new_event_loop|AsyncIOMotorClient|Redis)\s*\("
)

BLOCKING = re.compile(
    r"\b(time\.sleep|requests\.(get|post|put|delete|request)|urlopen|subprocess\.(run|call|"
    r"check_output)|socket\.create_connection)\s*\("
)


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
    # Signatures and decorators already say where Depends() is used: no need to read every file.
    depends: set[str] = set()
    routes = set()
    for sym in an.index.symbols.values():
        for text in (sym.signature or "", *sym.decorators):
            if "Depends(" in text:
                depends.update(re.findall(r"Depends\(\s*([\w.]+)", text))
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


def depends_called_directly(an: Analyzer, m: Match) -> list[Suspect]:
    """`get_current_user()` called by hand: FastAPI never fills its Depends() parameters."""
    wired = [
        sym
        for sym in an.index.symbols.values()
        if sym.kind == "function" and "Depends(" in (sym.signature or "")
    ]
    out: list[Suspect] = []
    for dep in wired:
        pat = re.compile(rf"(?<![\w.(]Depends\()\b{re.escape(dep.name)}\(")
        for caller, line in an.index.callers(dep.id):
            csym = an.symbol(caller)
            text = an.line_text(csym.file, line) if csym is not None else ""
            if csym is None or not pat.search(text) or f"Depends({dep.name}" in text:
                continue
            step = Step(
                csym.file,
                line,
                csym.id,
                f"calls dependency `{dep.id}` directly; its `Depends()` defaults are "
                "never resolved",
                root=True,
                reason="a dependency called by hand",
                kind="depends",
            )
            out.append(from_trail(an, [step], 0.9, {}))
    return out


def cached_coroutine(an: Analyzer, m: Match) -> list[Suspect]:
    """`@lru_cache` on an `async def`: the cached value is a single-use coroutine."""
    out: list[Suspect] = []
    for sym in an.index.symbols.values():
        if (
            sym.kind == "function"
            and an.is_async(sym)
            and any("cache" in d for d in sym.decorators)
        ):
            line = sym.decorated_line or sym.line
            step = Step(
                sym.file,
                line,
                sym.id,
                f"`{sym.id}` caches a coroutine function",
                root=True,
                reason="cache on a coroutine function",
                kind="async",
            )
            out.append(from_trail(an, [step], 0.92, {}))
    return out


def commit_inside_begin(an: Analyzer, m: Match) -> list[Suspect]:
    """`session.commit()` lexically inside `with session.begin():`."""
    out: list[Suspect] = []
    for sym in an.index.symbols.values():
        fn = an.func_node(sym) if sym.kind == "function" else None
        if fn is None:
            continue
        for w in flow.nodes_of(fn, "with_statement"):
            clause = next((c for c in w.children if c.type == "with_clause"), None)
            if clause is None or ".begin(" not in flow.text(clause):
                continue
            for call in flow.nodes_of(w, "call"):
                if flow.text(call.child_by_field_name("function")).endswith(
                    (".commit", ".rollback")
                ):
                    line = call.start_point[0] + 1
                    step = Step(
                        sym.file,
                        line,
                        sym.id,
                        f"`{sym.id}` commits inside a `begin()` block",
                        root=True,
                        reason="commit inside begin()",
                        kind="session",
                    )
                    out.append(from_trail(an, [step], 0.9, {}))
    return out


ASYNC_DRIVER = re.compile(r"\+(aiosqlite|asyncpg|aiomysql|asyncmy|psycopg_async)")


def engine_driver_mismatch(an: Analyzer, m: Match) -> list[Suspect]:
    """A sync `create_engine` fed an async driver URL (or create_async_engine a sync one)."""
    async_urls = any(
        ASYNC_DRIVER.search(text) for file in an.index.files for text in an.index.lines(file)
    ) or any(ASYNC_DRIVER.search(t) for _, _, t in config_texts(an))
    out: list[Suspect] = []
    for file in an.index.files:
        for i, text in enumerate(an.index.lines(file)):
            sync_engine = re.search(r"(?<!async_)\bcreate_engine\(", text)
            if sync_engine and async_urls and not text.lstrip().startswith(("#", "def ")):
                step = Step(
                    file,
                    i + 1,
                    an.sym_at(file, i + 1),
                    "a sync `create_engine` in a project whose URLs name an async driver",
                    root=True,
                    reason="engine and driver disagree",
                    kind="config",
                )
                out.append(from_trail(an, [step], 0.86, {}))
    return out
