"""Tree-sitter nodes read as text for the extractor: bounded source text, callee names,
literals, docstrings, identifiers and the kind of an assigned value."""

from __future__ import annotations

import ast

import tree_sitter

MAX_TEXT = 200


def _text(node: tree_sitter.Node | None, limit: int = MAX_TEXT) -> str:
    if node is None:
        return ""
    raw = node.text or b""
    if len(raw) > limit * 4:
        raw = raw[: limit * 4]
    s = raw.decode("utf-8", "replace")
    if "\n" in s or "  " in s:
        s = " ".join(s.split())
    return s[:limit]


def _callee_text(node: tree_sitter.Node) -> str:
    raw = node.text or b""
    if len(raw) > 4 * MAX_TEXT:
        raw = raw[: 4 * MAX_TEXT]
    s = raw.decode("utf-8", "replace")
    if ("\n" in s or " " in s) and "'" not in s and '"' not in s:
        # A chain split over lines (`session\n    .query`): the whitespace carries no meaning.
        s = "".join(s.split())
    return s[:MAX_TEXT]


def _literal(node: tree_sitter.Node | None) -> str | None:
    if node is None or node.type not in ("string", "concatenated_string"):
        return None
    try:
        value = ast.literal_eval(node.text.decode("utf-8", "replace") if node.text else "")
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, str) else None


def _doc(body: tree_sitter.Node | None) -> str | None:
    if body is None or not body.named_child_count:
        return None
    first = body.named_child(0)
    if first is None or first.type != "expression_statement" or not first.named_child_count:
        return None
    s = first.named_child(0)
    if s is None or s.type != "string":
        return None
    for ch in s.named_children:
        if ch.type == "string_content":
            for line in (ch.text or b"").decode("utf-8", "replace").splitlines():
                if line.strip():
                    return line.strip()[:MAX_TEXT]
    return None


def _identifiers(node: tree_sitter.Node) -> list[str]:
    """Names bound by a target pattern (`a, (b, *c)`), without descending into attributes."""
    if node.type == "identifier":
        return [node.text.decode("utf-8", "replace")] if node.text else []
    if node.type in ("attribute", "subscript"):
        return []
    out: list[str] = []
    for ch in node.named_children:
        out.extend(_identifiers(ch))
    return out


def _value_kind(right: tree_sitter.Node | None) -> tuple[str, str]:
    while right is not None and right.type == "assignment":
        right = right.child_by_field_name("right")
    if right is None:
        return "other", ""
    t = right.type
    if t == "call":
        fn = right.child_by_field_name("function")
        if fn is not None and fn.type in ("identifier", "attribute", "call"):
            return "call", _callee_text(fn)
        return "other", ""
    if t in ("identifier", "attribute"):
        return "name", _callee_text(right)
    if t == "none":
        return "none", ""
    literal = _LITERAL_TYPES.get(t)
    if literal is not None:
        return "lit", literal
    return "other", ""


_LITERAL_TYPES = {
    "list": "list", "list_comprehension": "list", "dictionary": "dict",
    "dictionary_comprehension": "dict", "set": "set", "set_comprehension": "set",
    "tuple": "tuple", "string": "str", "concatenated_string": "str", "integer": "int",
    "float": "float", "true": "bool", "false": "bool",
}  # fmt: skip


def _first_error_line(root: tree_sitter.Node) -> int:
    node = root
    while True:
        for ch in node.children:
            if ch.is_error or ch.is_missing:
                return ch.start_point[0] + 1
            if ch.has_error:
                node = ch
                break
        else:
            return node.start_point[0] + 1
