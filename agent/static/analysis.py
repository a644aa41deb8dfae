"""The static engine's working state: repo frames, parsed files, and value trails across files."""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tree_sitter import Node, Tree

from debugai.agent.static import flow
from debugai.agent.traceback import Frame, Trace

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex
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
_KEYWORD = re.compile(r"\b([A-Za-z_]\w*)\s*=(?!=)")
_SELF_ATTR = re.compile(r"\bself\.([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)")


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


@dataclass
class Analyzer:
    index: CodeIndex
    trace: Trace
    _trees: dict[str, Tree] = field(default_factory=dict)
    max_steps: int = MAX_STEPS
    deadline_seconds: float = DEADLINE_SECONDS

    def __post_init__(self) -> None:
        # Bounds: every trail step is counted and memoized; past the budget or the deadline the
        # analyses stop exploring and the engine ranks what they found (and says so).
        self.steps = 0
        self.exhausted = ""
        self._deadline = time.monotonic() + self.deadline_seconds
        self._memo: dict[tuple[str, int, int, int, int], list[Step]] = {}
        self._active: set[tuple[str, int, int, int]] = set()
        self._name_sites: dict[tuple[str, str], list[tuple[str, int]]] = {}
        self._texts: dict[str, str] = {}
        self._found: dict[tuple[str, str], list[Step]] = {}
        self._cli_options: dict[str, tuple[str, int] | None] = {}
        self._fields: dict[str, tuple[str, int, str] | None] = {}
        # An async function called without await is normal in `async with`/`create_task`;
        # it is the culprit only when the failure is about a coroutine object.
        self.about_coroutine = any(
            "coroutine" in e.message or "coroutine" in e.type for e in self.trace.chain
        )
        # A function that can return None explains a failure only if the failure is about None.
        self.about_none = any("None" in e.message for e in self.trace.chain)
        # Alternative origins found on the way (the key a failed lookup was given, ...).
        self.side: list[list[Step]] = []
        self.frames: list[Site] = []
        for fr in self.trace.final.frames:
            site = self._site(fr)
            if site is not None:
                self.frames.append(site)
        if not self.frames:  # the final exception may be raised outside the repo
            for exc in reversed(self.trace.chain):
                self.frames = [s for s in (self._site(f) for f in exc.frames) if s is not None]
                if self.frames:
                    break

    # -- sites --------------------------------------------------------------------------------
    def _site(self, fr: Frame) -> Site | None:
        if fr.kind != "repo" or fr.repo_path is None or fr.repo_path not in self.index.files:
            return None
        line = fr.repo_line or fr.line or 1
        sym = self.index.symbol_at(fr.repo_path, line)
        return Site(fr.repo_path, line, sym.id if sym else None, fr.function, fr.source)

    @property
    def raise_site(self) -> Site | None:
        return self.frames[-1] if self.frames else None

    @property
    def raised_in_repo(self) -> bool:
        fr = self.trace.final.frames
        return bool(fr) and fr[-1].kind == "repo"

    def tree(self, file: str) -> Tree:
        if file not in self._trees:
            self._trees[file] = self.index.parse(file)
        return self._trees[file]

    def line_text(self, file: str, line: int) -> str:
        lines = self.index.lines(file)
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def sym_at(self, file: str, line: int) -> str | None:
        sym = self.index.symbol_at(file, line)
        return sym.id if sym else None

    def symbol(self, sym_id: str | None) -> Symbol | None:
        return self.index.symbols.get(sym_id) if sym_id else None

    def func_node(self, sym: Symbol) -> Node | None:
        return flow.function_at_def_line(self.tree(sym.file), sym.line)

    def is_async(self, sym: Symbol) -> bool:
        return self.line_text(sym.file, sym.line).lstrip().startswith("async ")

    # -- calls --------------------------------------------------------------------------------
    def resolve_call(self, file: str, line: int, callee_text: str | None) -> Symbol | None:
        """The repo function a call on this line resolves to, matched by the callee's text."""
        if not callee_text:
            return None
        hits = self.index.calls_at(file, line)
        tail = callee_text.rsplit(".", 1)[-1]
        for want in (callee_text, tail):
            for target, text in hits:
                if text == want or text.endswith("." + want) or want.endswith("." + text):
                    sym = self.index.symbols.get(target)
                    if sym is not None:
                        return self._init_or_self(sym)
        return None

    def _init_or_self(self, sym: Symbol) -> Symbol:
        if sym.kind == "class":
            init = self.index.symbols.get(sym.id + ".__init__")
            return init or sym
        return sym

    # -- value trails -------------------------------------------------------------------------
    def over_budget(self) -> bool:
        """Count one step; True once the step budget or the deadline is spent."""
        if self.exhausted:
            return True
        self.steps += 1
        if self.steps > self.max_steps:
            self.exhausted = f"step budget ({self.max_steps} steps)"
        elif self.steps % 64 == 0 and time.monotonic() > self._deadline:
            self.exhausted = f"deadline ({self.deadline_seconds:g} s)"
        return bool(self.exhausted)

    def trace_expr(self, file: str, line: int, expr: Node, depth: int = 0) -> list[Step]:
        """Follow the value of `expr` at file:line backwards; root first, ends at its binding.

        Memoized per (expression, depth); an expression met again while its own trail is being
        followed is a cycle (`depth=line.depth` read back through `self.depth = depth`) and
        ends there.
        """
        if depth > MAX_DEPTH:
            return []
        key = (file, line, expr.start_byte, expr.end_byte)
        memo_key = (*key, depth)
        if memo_key in self._memo:
            return list(self._memo[memo_key])
        if key in self._active or self.over_budget():
            return []
        self._active.add(key)
        try:
            trail = self._trace_expr(file, line, expr, depth)
        finally:
            self._active.discard(key)
        self._memo[memo_key] = trail
        return list(trail)

    def _trace_expr(self, file: str, line: int, expr: Node, depth: int) -> list[Step]:
        tree = self.tree(file)
        func = flow.enclosing_function(tree, line)
        o = flow.origin_of(func, expr, line, tree.root_node)
        here = self.sym_at(file, o.line)
        label = o.name or flow.text(expr)
        if o.kind == "call":
            bind = Step(
                file, o.line, here, f"`{short(label)}` gets the result of `{short(o.text)}`"
            )
            callee = self.resolve_call(file, o.line, o.callee)
            env = env_var_of(o.callee, o.text)
            if callee is None and env is not None:
                return [
                    Step(
                        file,
                        o.line,
                        here,
                        f"`{short(label)}` is read from environment variable "
                        f"`{env}`: a string, or None when unset",
                        root=True,
                        reason=f"environment variable `{env}`",
                        kind="env",
                    )
                ]
            if callee is None:
                reason = none_call_reason(o.callee, o.text) if self.about_none else ""
                if reason and o.node is not None and (o.callee or "").endswith(".get"):
                    # Why did the lookup miss? The key's own origin is the other suspect.
                    key = flow.call_argument(o.node, 0, None)
                    if key is not None and key.type != "string" and depth < MAX_DEPTH:
                        key_trail = self.trace_expr(file, o.line, key, depth + 1)
                        if key_trail and key_trail[0].symbol != here:
                            self.side.append(key_trail)
                if reason:
                    said = (
                        f"`{short(o.text)}` is always None: {reason}"
                        if "in place" in reason
                        else f"`{short(o.text)}` gives None when {reason}"
                    )
                    return [
                        Step(
                            file,
                            o.line,
                            here,
                            said,
                            root=True,
                            reason=reason,
                            kind="none",
                        )
                    ]
                filled = self._elements_of_call(file, func, o, depth)
                if filled:
                    return [*filled, bind]
                bind.kind = "opaque-call"
                return [bind]
            if self.about_coroutine and self.is_async(callee) and not o.awaited:
                return [
                    Step(
                        file,
                        o.line,
                        here,
                        f"calls coroutine function `{callee.id}` without `await`",
                        root=True,
                        reason="missing await",
                        kind="coroutine",
                    )
                ]
            return [*self.trace_return(callee, depth + 1), bind]
        if o.kind == "param" and func is not None:
            return self._trace_param(file, func, o, depth)
        if o.kind == "attribute" and o.node is not None:
            return self._trace_attribute(file, o, depth)
        if o.kind == "global":
            return [
                Step(
                    file,
                    o.line,
                    here,
                    f"module-level `{label}` = `{short(o.text)}`",
                    root=True,
                    reason="module-level value",
                    kind="global",
                )
            ]
        if o.kind == "literal" and o.text == "None":
            return [
                Step(
                    file,
                    o.line,
                    here,
                    f"`{label}` is set to None here",
                    root=True,
                    reason="assigned None",
                    kind="none",
                )
            ]
        if o.kind == "literal" and func is not None and o.name and flow.is_empty_container(o.node):
            filled = self._filled(file, func, o.name, depth)
            if filled:
                return filled
        if o.kind == "subscript" and o.node is not None and depth < MAX_DEPTH:
            # An element: it is whatever was put into the container it is read from.
            container = o.node.child_by_field_name("value")
            if (
                container is not None
                and "environ" not in flow.text(container)
                and not self._empty_global(file, container)
            ):
                trail = self.trace_expr(file, o.line, container, depth + 1)
                # A module-level table is looked up, not at fault: its key varies, not its rows.
                if trail and (trail[0].root or len(trail) > 1) and trail[0].kind != "global":
                    step = Step(file, o.line, here, f"`{short(label)}` = `{short(o.text)}`")
                    return [*trail, step]
        kind = "literal" if o.kind == "literal" else ""
        return [Step(file, o.line, here, f"`{short(label)}` = `{short(o.text)}`", kind=kind)]

    def _empty_global(self, file: str, node: Node) -> bool:
        """A module-level cache or registry (`_cache = {}`): its declaration says nothing about
        the elements read out of it."""
        if node.type != "identifier":
            return False
        tree = self.tree(file)
        func = flow.enclosing_function(tree, node.start_point[0] + 1)
        if func is not None and flow.last_binding(func, flow.text(node), 10**9) is not None:
            return False
        bound = flow.last_binding(tree.root_node, flow.text(node), 10**9)
        return bound is not None and flow.is_empty_container(bound[1])

    def _elements_of_call(
        self, file: str, func: Node | None, o: flow.Origin, depth: int
    ) -> list[Step]:
        """`d.items()`, `sorted(xs)`: follow the container; `defaultdict(list)`: its fillers."""
        if o.node is None or depth >= MAX_DEPTH:
            return []
        source = flow.element_source(o.node)
        if source is not None:
            trail = self.trace_expr(file, o.line, source, depth + 1)
            if trail and (trail[0].root or len(trail) > 1):
                return trail
            return []
        if func is not None and o.name and flow.is_empty_container(o.node):
            return self._filled(file, func, o.name, depth)
        return []

    def _filled(self, file: str, func: Node, name: str, depth: int) -> list[Step]:
        """The most telling element put into container `name` in this function (`d[k] = v`,
        `xs.append(v)`): an empty container's elements are what decides its contents."""
        best: list[Step] = []
        if depth >= MAX_DEPTH:
            return best
        for line, value in flow.element_writes(func, name)[:8]:
            trail = self.trace_expr(file, line, value, depth + 1)
            if not trail:
                continue
            if (trail[-1].file, trail[-1].line) != (file, line):
                fill = f"`{name}` is filled with `{short(flow.text(value))}`"
                trail = [*trail, Step(file, line, self.sym_at(file, line), fill)]
            if _telling(trail) > _telling(best):
                best = trail
        return best if _telling(best) >= 2 else []

    def trace_return(self, sym: Symbol, depth: int) -> list[Step]:
        """Why a function's return value is what it is: its None paths, else what it returns."""
        wrapped = self._wrapper_none(sym)
        if wrapped is not None:
            return [
                wrapped,
                Step(sym.file, sym.line, sym.id, f"`{sym.id}` is wrapped by that decorator"),
            ]
        if sym.none_paths and self.about_none:
            np = _best_none_path(sym)
            self._key_of_lookup(sym, np.line, depth)
            return [
                Step(
                    sym.file,
                    np.line,
                    sym.id,
                    f"`{sym.id}` returns None ({np.reason})",
                    root=True,
                    reason=np.reason,
                    kind="none",
                )
            ]
        fn = self.func_node(sym)
        if fn is not None and depth <= MAX_DEPTH:
            # The most telling return wins (a cache hit's `return _cache[k]` says less than the
            # miss path's unawaited call); the first of equals, in source order.
            best: list[Step] = []
            # A value another function made, handed on by every return (`list(xs[:n])` of a
            # parameter): its maker is the producer. Objects built here (`Model(...)`) are not.
            passed: list[Step] = []
            passes_on = True
            for ret in flow.returns(fn):
                line = ret.start_point[0] + 1
                value = ret.named_children[0] if ret.named_children else None
                for alt in flow.alternatives(value):
                    trail = self.trace_expr(sym.file, line, alt, depth + 1)
                    if trail and trail[0].root and _telling(trail) > _telling(best):
                        best = trail
                    maker = self.symbol(trail[0].symbol) if trail else None
                    if (
                        trail
                        and trail[0].kind == "producer"
                        and maker is not None
                        and maker.kind == "function"
                        and maker.id != sym.id
                    ):
                        if not passed:
                            hand_on = Step(sym.file, line, sym.id, f"`{sym.id}` passes it on")
                            passed = [*trail, hand_on]
                    else:
                        passes_on = False
                if _telling(best) == 4:
                    break
            if best:
                return best
            if passed and passes_on:
                return passed
        return [
            Step(
                sym.file,
                sym.line,
                sym.id,
                f"`{sym.id}` produces the value",
                end_line=sym.end_line,
                kind="producer",
            )
        ]

    def _wrapper_none(self, sym: Symbol) -> Step | None:
        """A repo decorator whose inner wrapper can drop the wrapped function's result."""
        for dec in sym.decorators:
            name = re.split(r"[(\s]", dec, maxsplit=1)[0]
            if name in ("property", "staticmethod", "classmethod") or "cache" in name:
                continue
            for dec_id in self.index.resolve_name(name)[:1]:
                inner = [
                    s
                    for s in self.index.symbols.values()
                    if s.id.startswith(dec_id + ".") and s.kind == "function"
                ]
                for w in sorted(inner, key=lambda s: -s.id.count(".")):
                    if w.none_paths:
                        np = _best_none_path(w)
                        line, reason = np.line, np.reason
                    else:
                        dropped = self._result_dropped(w)
                        if dropped is None:
                            continue
                        line, reason = dropped, "the wrapped call's result is never returned"
                    return Step(
                        w.file,
                        line,
                        w.id,
                        f"decorator `{name}`'s wrapper `{w.id}` returns None "
                        f"({reason}) instead of the wrapped result",
                        root=True,
                        reason=f"wrapper returns None ({reason})",
                        kind="none",
                    )
        return None

    def _key_of_lookup(self, sym: Symbol, line: int, depth: int) -> None:
        """For `return table.get(key)`: where the key came from is worth a look too."""
        fn = self.func_node(sym)
        if fn is None or depth >= MAX_DEPTH:
            return
        for call in flow.nodes_on_line(fn, line, ("call",)):
            if not flow.text(call.child_by_field_name("function")).endswith(".get"):
                continue
            key = flow.call_argument(call, 0, None)
            if key is not None and key.type != "string":
                trail = self.trace_expr(sym.file, line, key, depth + 1)
                if trail and trail[0].symbol != sym.id:
                    self.side.append(trail)
            return

    def _result_dropped(self, wrapper: Symbol) -> int | None:
        """The line where a wrapper calls the function it wraps, when it returns no value."""
        fn = self.func_node(wrapper)
        if fn is None or any(r.named_children for r in flow.returns(fn)):
            return None
        outer = fn.parent
        while outer is not None and outer.type != "function_definition":
            outer = outer.parent
        wrapped = set(flow.parameters(outer)) if outer is not None else set()
        for call in flow.calls_in(fn):
            if flow.text(call.child_by_field_name("function")) in wrapped:
                return call.start_point[0] + 1
        return None

    def _trace_param(self, file: str, func: Node, o: flow.Origin, depth: int) -> list[Step]:
        here = self.sym_at(file, func.start_point[0] + 1)
        recv = Step(file, func.start_point[0] + 1, here, f"receives `{o.name}` from its caller")
        injected = self._injected_by(file, func, o.name or "")
        if injected is not None:  # FastAPI calls the dependency and passes what it returns
            inj = Step(
                file,
                func.start_point[0] + 1,
                here,
                f"gets `{o.name}` from dependency `{injected.id}`",
            )
            return [*self.trace_return(injected, depth + 1), inj]
        for caller in self._callers_of(file, func):
            cfile, cline = caller
            for call in flow.receivers(self.tree(cfile).root_node, cline, None, "call"):
                target = self.resolve_call(
                    cfile, call.start_point[0] + 1, flow.text(call.child_by_field_name("function"))
                )
                if target is None or target.id != here:
                    continue
                index = o.param_index
                if index is not None and flow.parameters(func)[:1] in (["self"], ["cls"]):
                    index -= 1
                arg = flow.call_argument(call, index, o.name)
                if arg is not None:
                    return [*self.trace_expr(cfile, cline, arg, depth + 1), recv]
        return [recv]

    def _injected_by(self, file: str, func: Node, name: str) -> Symbol | None:
        """The function behind `name: T = Depends(fn)` (or `Annotated[T, Depends(fn)]`)."""
        params = func.child_by_field_name("parameters")
        for p in params.named_children if params is not None else []:
            if flow.text(p.child_by_field_name("name")) != name and not flow.text(p).startswith(
                name
            ):
                continue
            m = re.search(r"Depends\(\s*([\w.]+)", flow.text(p))
            if m:
                line = p.start_point[0] + 1
                target = self.resolve_call(file, line, m.group(1))
                if target is None:
                    ids = self.index.resolve_name(m.group(1))
                    target = self.index.symbols.get(ids[0]) if ids else None
                return self._init_or_self(target) if target is not None else None
        return None

    def _callers_of(self, file: str, func: Node) -> Iterator[tuple[str, int]]:
        """Where the function was called from: the traceback's outer frame first, then the graph.

        Lazy: the graph's callers table covers the whole repo and is only built when the
        traceback does not already say who called."""
        sym_id = self.sym_at(file, func.start_point[0] + 1)
        seen: list[tuple[str, int]] = []
        for outer, inner in zip(self.frames, self.frames[1:], strict=False):
            if inner.symbol == sym_id:
                seen.append((outer.file, outer.line))
                yield outer.file, outer.line
        if sym_id:
            for caller, line in self.index.callers(sym_id)[:5]:
                csym = self.index.symbols.get(caller)
                if csym is not None and (csym.file, line) not in seen:
                    yield csym.file, line

    def _trace_attribute(self, file: str, o: flow.Origin, depth: int) -> list[Step]:
        """`obj.attr`: a module-level name, a class field, or `self.attr = ...` in a method."""
        assert o.node is not None
        attr = o.name or ""
        obj = flow.text(o.node.child_by_field_name("object"))
        here = self.sym_at(file, o.line)
        if obj in ("self", "cls"):
            sym = self.index.symbol_at(file, o.line)
            cls_id = sym.id.rsplit(".", 1)[0] if sym else None
            cls = self.symbol(cls_id)
            if cls is not None and cls.kind == "class":
                tree = self.tree(cls.file)
                for n in flow.walk(tree.root_node):
                    if not (cls.line - 1 <= n.start_point[0] <= cls.end_line - 1):
                        continue
                    if n.type == "assignment":
                        left = n.child_by_field_name("left")
                        right = n.child_by_field_name("right")
                        if flow.text(left) == f"self.{attr}" and right is not None:
                            line = n.start_point[0] + 1
                            trail = self.trace_expr(cls.file, line, right, depth + 1)
                            return [*trail, Step(file, o.line, here, f"reads `self.{attr}`")]
        for a in self.index.assignments:
            if a.name == attr and (obj.endswith(a.module.rsplit(".", 1)[-1]) or obj == a.module):
                return [
                    Step(
                        a.file,
                        a.line,
                        a.module,
                        f"`{a.module}.{attr}` = `{short(a.value)}`",
                        root=True,
                        reason=_value_reason(a.value),
                        kind="global",
                    )
                ]
        prop = self.find_property(attr)
        if prop is not None:
            return [
                *self.trace_return(prop, depth + 1),
                Step(file, o.line, here, f"reads property `{attr}`"),
            ]
        built = self.find_keyword(attr, depth)
        if not (built and built[0].root):
            built = self.find_instance_attr(attr, depth) or built
        if built:
            return [*built, Step(file, o.line, here, f"reads `{short(o.text)}`")]
        option = self.find_cli_option(attr)
        if option is not None:
            ofile, oline = option
            return [
                Step(
                    ofile,
                    oline,
                    self.sym_at(ofile, oline),
                    f"command-line option `{attr}` is declared here (its default or "
                    "choices decide the value)",
                    root=True,
                    reason="CLI option",
                    kind="config",
                ),
                Step(file, o.line, here, f"reads `{short(o.text)}`"),
            ]
        field_site = self.find_field(attr)
        if field_site is not None:
            ffile, fline, owner = field_site
            return [
                Step(
                    ffile,
                    fline,
                    owner,
                    f"`{attr}` is defined here",
                    # Where a field is declared rarely decides the value it holds: not an origin.
                    root=False,
                    reason="field definition",
                    kind="field",
                )
            ]
        return [Step(file, o.line, here, f"`{short(o.text)}`")]

    def find_property(self, attr: str) -> Symbol | None:
        for sym_id in self.index.resolve_name(attr):
            sym = self.index.symbols[sym_id]
            if sym.kind == "function" and any("property" in d for d in sym.decorators):
                return sym
        return None

    def _sites(self, kind: str, name: str) -> list[tuple[str, int]]:
        """Lines where `name=` (kind "keyword") or `self.name =` (kind "self") is written.

        One lookup per name and diagnosis: a substring test on each file's text first (cheap
        even over a repository of 10,000 files), the pattern only on the lines that hold the
        name; the deadline is checked between files."""
        key = (kind, name)
        found = self._name_sites.get(key)
        if found is not None:
            return found
        found = self._name_sites[key] = []
        needle = f"self.{name}" if kind == "self" else name
        pattern = _SELF_ATTR if kind == "self" else _KEYWORD
        for n, file in enumerate(self.index.files):
            if n % 256 == 0 and time.monotonic() > self._deadline:
                self.exhausted = self.exhausted or f"deadline ({self.deadline_seconds:g} s)"
                break
            text = self._text(file)
            if needle not in text:
                continue
            for i, line in enumerate(self.index.lines(file)):
                if needle not in line:
                    continue
                if kind == "keyword" and line.lstrip().startswith(("def ", "self.")):
                    continue
                if any(m.group(1) == name for m in pattern.finditer(line)):
                    found.append((file, i + 1))
        return found

    def _text(self, file: str) -> str:
        text = self._texts.get(file)
        if text is None:
            text = self._texts[file] = "\n".join(self.index.lines(file))
        return text

    def find_keyword(self, attr: str, depth: int) -> list[Step]:
        """`Settings(attr=<value>)` somewhere in the repo: follow that value."""
        key = ("keyword", attr)
        if key in self._found:
            return list(self._found[key])
        self._found[key] = []  # a lookup that reaches itself again finds nothing new
        made = self._find_keyword(attr, depth)
        self._found[key] = made
        return list(made)

    def _find_keyword(self, attr: str, depth: int) -> list[Step]:
        made: list[Step] = []
        for file, line in self._sites("keyword", attr):
            if self.over_budget():
                break
            for kw in flow.nodes_on_line(self.tree(file).root_node, line, ("keyword_argument",)):
                value = kw.child_by_field_name("value")
                if flow.text(kw.child_by_field_name("name")) != attr or value is None:
                    continue
                trail = self.trace_expr(file, line, value, depth + 1)
                if trail and trail[0].root:
                    return trail
                if trail and not made:
                    # No definite origin: where the object is built with it still is.
                    made = [
                        Step(
                            file,
                            line,
                            self.sym_at(file, line),
                            f"builds it with `{short(flow.text(kw))}`",
                            kind="producer",
                        )
                    ]
        return made

    def find_instance_attr(self, attr: str, depth: int) -> list[Step]:
        """`self.attr = <value>` in any repo class (the receiver's class is rarely known)."""
        key = ("self", attr)
        if key in self._found:
            return list(self._found[key])
        self._found[key] = []
        found = self._find_instance_attr(attr, depth)
        self._found[key] = found
        return list(found)

    def _find_instance_attr(self, attr: str, depth: int) -> list[Step]:
        for file, line in self._sites("self", attr):
            if self.over_budget():
                break
            for n in flow.nodes_on_line(self.tree(file).root_node, line, ("assignment",)):
                right = n.child_by_field_name("right")
                if flow.text(n.child_by_field_name("left")) == f"self.{attr}" and right:
                    trail = self.trace_expr(file, line, right, depth + 1)
                    if trail and trail[0].root:
                        return trail
        return []

    def find_cli_option(self, dest: str) -> tuple[str, int] | None:
        """argparse/click: `add_argument("--group-by", ...)` or `dest="group_by"` for args.dest."""
        if dest not in self._cli_options:
            self._cli_options[dest] = self._find_cli_option(dest)
        return self._cli_options[dest]

    def _find_cli_option(self, dest: str) -> tuple[str, int] | None:
        flag = "--" + dest.replace("_", "-")
        pat = re.compile(
            rf"""(add_argument|option|argument)\(.*(["']{re.escape(flag)}["']|["']{re.escape(dest)}["']|dest\s*=\s*["']{re.escape(dest)}["'])"""
        )
        for file in self.index.files:
            for i, text in enumerate(self.index.lines(file)):
                if pat.search(text):
                    return file, i + 1
        return None

    def find_field(self, attr: str) -> tuple[str, int, str] | None:
        """A class-level field `attr: T = ...` or `attr = ...` in a repo class."""
        if attr not in self._fields:
            self._fields[attr] = self._find_field(attr)
        return self._fields[attr]

    def _find_field(self, attr: str) -> tuple[str, int, str] | None:
        pat = re.compile(rf"^\s+{re.escape(attr)}\s*[:=]")
        for sym in self.index.symbols.values():
            if sym.kind != "class":
                continue
            lines = self.index.lines(sym.file)
            for ln in range(sym.line, min(sym.end_line, len(lines)) + 1):
                if pat.match(lines[ln - 1]):
                    return sym.file, ln, sym.id
        return None

    # -- helpers ------------------------------------------------------------------------------
    def nodes_at(self, site: Site, attr: str | None, kind: str) -> list[Node]:
        tree = self.tree(site.file)
        scope = flow.enclosing_function(tree, site.line) or tree.root_node
        return flow.receivers(scope, site.line, attr, kind)

    def identifiers_at(self, site: Site) -> list[Node]:
        tree = self.tree(site.file)
        scope = flow.enclosing_function(tree, site.line) or tree.root_node
        found = flow.nodes_on_line(scope, site.line, ("identifier", "call", "attribute"))
        # `int` in `int(x)` names a function, it is not a value that could be wrong.
        return [
            n
            for n in found
            if n.start_point[0] == site.line - 1
            and not (
                n.parent is not None
                and n.parent.type == "call"
                and n.parent.child_by_field_name("function") == n
            )
        ]


def _telling(trail: list[Step]) -> int:
    """How much a trail says: a definite origin of a failing kind > any origin > a path > a hop."""
    if not trail:
        return 0
    root = trail[0]
    if root.root:
        return 4 if root.kind in ("none", "env", "coroutine") else 3
    return 2 if len(trail) > 1 else 1


def _best_none_path(sym: Symbol) -> NonePath:
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


def _value_reason(value: str) -> str:
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
