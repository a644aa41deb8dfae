"""Value trails that leave the current expression: a function's returns, a parameter back to its
callers, an attribute back to where it is set."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tree_sitter import Node

from debugai.agent.static import flow
from debugai.agent.static.state import State
from debugai.agent.static.steps import (
    MAX_DEPTH,
    Step,
    best_none_path,
    none_path_words,
    short,
    telling,
    value_reason,
)

if TYPE_CHECKING:
    from debugai.indexers.model import Symbol


class Trails(State):
    def trace_return(self, sym: Symbol, depth: int) -> list[Step]:
        """Why a function's return value is what it is: its None paths, else what it returns."""
        wrapped = self._wrapper_none(sym)
        if wrapped is not None:
            return [
                wrapped,
                Step(sym.file, sym.line, sym.id, f"`{sym.id}` is wrapped by that decorator"),
            ]
        if sym.none_paths and self.about_none:
            np = best_none_path(sym)
            self._key_of_lookup(sym, np.line, depth)
            return [
                Step(
                    sym.file,
                    np.line,
                    sym.id,
                    f"`{sym.id}` returns None ({none_path_words(np.reason)})",
                    root=True,
                    reason=none_path_words(np.reason),
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
                    if trail and trail[0].root and telling(trail) > telling(best):
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
                if telling(best) == 4:
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
                        np = best_none_path(w)
                        line, reason = np.line, none_path_words(np.reason)
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
                        reason=value_reason(a.value),
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
            env = next(
                (
                    r
                    for r in self.index.env_reads
                    if (r.file, r.line, r.how) == (ffile, fline, "settings")
                ),
                None,
            )
            if env is not None:  # a settings field: the environment decides its value
                return [
                    Step(
                        ffile,
                        fline,
                        owner,
                        f"settings field `{attr}` is read from environment variable "
                        f"`{env.var}`: its default when unset",
                        root=True,
                        reason=f"environment variable `{env.var}`",
                        kind="env",
                    ),
                    Step(file, o.line, here, f"reads `{short(o.text)}`"),
                ]
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
