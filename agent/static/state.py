"""The static engine's working state: the repo frames of a trace, parsed files, the step budget, and
the repo-wide lookups by name (keyword arguments, `self.x =` assignments, fields, CLI options)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tree_sitter import Node, Tree

from debugai.agent.static import flow
from debugai.agent.static.steps import (
    DEADLINE_SECONDS,
    MAX_STEPS,
    Site,
    Step,
    short,
)
from debugai.agent.traceback import Frame, Trace

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex
    from debugai.indexers.model import Symbol

_KEYWORD = re.compile(r"\b([A-Za-z_]\w*)\s*=(?!=)")
_SELF_ATTR = re.compile(r"\bself\.([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)")


@dataclass
class State:
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
        raise NotImplementedError  # the value tracer (analysis.Analyzer) defines it

    # -- repo-wide lookups by name ------------------------------------------------------------
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
