"""The static engine's value tracer: follows the failing value back from the raise site, across
files (the state and lookups live in `state`, trails through returns/parameters/attributes in
`trails`, the shared types in `steps`)."""

from __future__ import annotations

from tree_sitter import Node

from debugai.agent.static import flow
from debugai.agent.static.steps import (
    DEADLINE_SECONDS,
    MAX_DEPTH,
    MAX_STEPS,
    NONE_CALLS,
    Site,
    Step,
    env_var_of,
    none_call_reason,
    short,
    similar,
    telling,
)
from debugai.agent.static.trails import Trails

__all__ = [
    "DEADLINE_SECONDS",
    "MAX_DEPTH",
    "MAX_STEPS",
    "NONE_CALLS",
    "Analyzer",
    "Site",
    "Step",
    "env_var_of",
    "none_call_reason",
    "short",
    "similar",
]


class Analyzer(Trails):
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
        said = (
            f"`{short(label)}` = `{short(o.text)}`"
            if label != o.text
            else (f"the literal `{short(o.text)}`" if kind else f"`{short(o.text)}`")
        )
        return [Step(file, o.line, here, said, kind=kind)]

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
            if telling(trail) > telling(best):
                best = trail
        return best if telling(best) >= 2 else []
