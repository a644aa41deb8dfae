"""Function and class spans of a Python file, by tree-sitter (any Python version's syntax).

The ground truth and the scorer both name a place by the innermost function or class that holds
its line, computed here, so an engine's answer and the fix are compared the same way whatever
the engine's own index calls them.
"""

from __future__ import annotations

from dataclasses import dataclass

import tree_sitter
import tree_sitter_python

_LANG = tree_sitter.Language(tree_sitter_python.language())
MODULE = "<module>"


@dataclass(frozen=True, slots=True)
class Span:
    qualname: str
    kind: str  # "function" | "class"
    start: int  # 1-based, decorators included
    end: int


@dataclass(frozen=True, slots=True)
class FileSpans:
    spans: tuple[Span, ...]
    docstrings: tuple[tuple[int, int], ...]  # 1-based inclusive line ranges
    n_lines: int

    def at(self, line: int) -> Span | None:
        """The innermost function or class whose span holds `line`."""
        best: Span | None = None
        for s in self.spans:
            if s.start <= line <= s.end and (best is None or s.start >= best.start):
                best = s
        return best

    def qualname_at(self, line: int) -> str:
        span = self.at(line)
        return span.qualname if span else MODULE

    def span_of(self, qualname: str) -> Span | None:
        return next((s for s in self.spans if s.qualname == qualname), None)

    def in_docstring(self, line: int) -> bool:
        return any(a <= line <= b for a, b in self.docstrings)


def _docstring(block: tree_sitter.Node | None) -> tuple[int, int] | None:
    if block is None:
        return None
    first = next((c for c in block.named_children if c.type != "comment"), None)
    if first is not None and first.type == "expression_statement":
        expr = first.named_children[0] if first.named_children else None
        if expr is not None and expr.type in ("string", "concatenated_string"):
            return first.start_point[0] + 1, first.end_point[0] + 1
    return None


def parse(source: bytes) -> FileSpans:
    tree = tree_sitter.Parser(_LANG).parse(source)
    spans: list[Span] = []
    docs: list[tuple[int, int]] = []
    top = _docstring(tree.root_node)
    if top:
        docs.append(top)
    stack: list[tuple[tree_sitter.Node, str]] = [(tree.root_node, "")]
    while stack:
        node, prefix = stack.pop()
        for child in node.named_children:
            outer = child
            if child.type == "decorated_definition":
                inner = child.child_by_field_name("definition")
                if inner is None:
                    continue
                child = inner
            if child.type in ("function_definition", "class_definition"):
                name_node = child.child_by_field_name("name")
                name = (
                    name_node.text.decode("utf-8", "replace")
                    if name_node and name_node.text
                    else "?"
                )
                qual = f"{prefix}{name}"
                kind = "class" if child.type == "class_definition" else "function"
                spans.append(Span(qual, kind, outer.start_point[0] + 1, child.end_point[0] + 1))
                body = child.child_by_field_name("body")
                doc = _docstring(body)
                if doc:
                    docs.append(doc)
                if body is not None:
                    stack.append((body, qual + "."))
            elif child.type not in ("string", "comment"):
                # defs nested in if/try/with/for blocks keep the enclosing prefix
                stack.append((child, prefix))
    return FileSpans(tuple(spans), tuple(docs), source.count(b"\n") + 1)
