"""Ways a function hands back None: classify return statements, and find a reachable end."""

from __future__ import annotations

import tree_sitter

# Calls that yield None by convention when nothing is found.
NONE_METHODS = {
    "first": ".first()",
    "scalar_one_or_none": ".scalar_one_or_none()",
    "one_or_none": ".one_or_none()",
    "scalar": ".scalar()",
}
RE_FUNCS = {"re.match", "re.search", "re.fullmatch", "match", "search", "fullmatch"}
# A literal second argument to .get() is a dict default; anything else may be a key (session.get).
LITERALS = {"integer", "float", "string", "true", "false", "list", "dictionary", "tuple", "set"}
EXITS = {"sys.exit", "exit", "quit", "os._exit", "os.abort", "pytest.fail", "pytest.skip"}


def _args(call: tree_sitter.Node) -> tuple[list[tree_sitter.Node], dict[str, tree_sitter.Node]]:
    args = call.child_by_field_name("arguments")
    pos: list[tree_sitter.Node] = []
    kw: dict[str, tree_sitter.Node] = {}
    if args is None:
        return pos, kw
    for a in args.named_children:
        if a.type == "keyword_argument":
            name = a.child_by_field_name("name")
            value = a.child_by_field_name("value")
            if name is not None and value is not None and name.text:
                kw[name.text.decode("utf-8", "replace")] = value
        elif a.type != "comment":
            pos.append(a)
    return pos, kw


def none_reason(value: tree_sitter.Node) -> str | None:
    """Why this returned expression may be None, or None when it is not known to be."""
    t = value.type
    if t == "none":
        return "return None"
    if t == "parenthesized_expression" and value.named_child_count == 1:
        return none_reason(value.named_children[0])
    if t == "conditional_expression":
        if any(ch.type == "none" for ch in value.named_children):
            return "conditional None"
        return None
    if t != "call":
        return None
    fn = value.child_by_field_name("function")
    if fn is None or not fn.text:
        return None
    text = fn.text.decode("utf-8", "replace")
    pos, kw = _args(value)
    if fn.type == "attribute":
        attr = text.rsplit(".", 1)[1].strip()
        if attr in NONE_METHODS:
            return NONE_METHODS[attr]
        if attr == "get":
            default = kw.get("default") or (pos[1] if len(pos) > 1 else None)
            may_be_none = default is None or default.type == "none" or default.type not in LITERALS
            return ".get()" if may_be_none and len(pos) <= 2 else None
        if text in ("os.getenv", "os.environ.get") and len(pos) == 1 and "default" not in kw:
            return "os.getenv()"
    if text in RE_FUNCS and fn.type == "attribute":
        return "re.match()"
    if text == "getattr" and len(pos) == 3 and pos[2].type == "none":
        return "getattr(..., None)"
    if text == "next" and len(pos) == 2 and pos[1].type == "none":
        return "next(..., None)"
    return None


def classify_return(ret: tree_sitter.Node) -> tuple[str | None, bool]:
    """(None reason or None, whether the statement returns some value)."""
    values = [ch for ch in ret.named_children if ch.type != "comment"]
    if not values:
        return "bare return", False
    value = values[0]
    if value.type == "none":
        return "return None", False
    return none_reason(value), True


def _last_statement(block: tree_sitter.Node | None) -> tree_sitter.Node | None:
    if block is None:
        return None
    for ch in reversed(block.named_children):
        if ch.type != "comment":
            return ch
    return None


def _has_break(node: tree_sitter.Node) -> bool:
    for ch in node.named_children:
        if ch.type == "break_statement":
            return True
        if ch.type in (
            "while_statement",
            "for_statement",
            "function_definition",
            "class_definition",
        ):
            continue
        if _has_break(ch):
            return True
    return False


def terminates(block: tree_sitter.Node | None) -> bool:
    """True when control can never run off the end of this block."""
    last = _last_statement(block)
    if last is None:
        return False
    t = last.type
    if t in ("return_statement", "raise_statement"):
        return True
    if t == "if_statement":
        if not terminates(last.child_by_field_name("consequence")):
            return False
        alts = last.children_by_field_name("alternative")
        if not alts or alts[-1].type != "else_clause":
            return False
        return all(
            terminates(a.child_by_field_name("body") or a.child_by_field_name("consequence"))
            for a in alts
        )
    if t == "try_statement":
        parts = {ch.type: ch for ch in last.named_children}
        fin = parts.get("finally_clause")
        if fin is not None and terminates(_block(fin)):
            return True
        main = parts.get("else_clause") or last
        main_block = _block(main) if main is not last else last.child_by_field_name("body")
        handlers = [
            ch for ch in last.named_children if ch.type in ("except_clause", "except_group_clause")
        ]
        return terminates(main_block) and all(terminates(_block(h)) for h in handlers)
    if t == "with_statement":
        return terminates(last.child_by_field_name("body"))
    if t == "while_statement":
        cond = last.child_by_field_name("condition")
        body = last.child_by_field_name("body")
        return (
            cond is not None and cond.type == "true" and body is not None and not _has_break(body)
        )
    if t == "expression_statement" and last.named_child_count:
        expr = last.named_children[0]
        if expr.type == "call":
            fn = expr.child_by_field_name("function")
            return fn is not None and (fn.text or b"").decode("utf-8", "replace") in EXITS
        if expr.type == "assert_statement":
            return False
    if t == "assert_statement":
        conds = last.named_children
        return bool(conds) and conds[0].type == "false"
    if t == "match_statement":
        body = last.child_by_field_name("body")
        cases = [c for c in (body.named_children if body else []) if c.type == "case_clause"]
        wildcard = any(
            (c.named_children[0].text or b"").strip() == b"_" for c in cases if c.named_child_count
        )
        return wildcard and all(terminates(c.child_by_field_name("consequence")) for c in cases)
    return False


def _block(node: tree_sitter.Node) -> tree_sitter.Node | None:
    for ch in node.named_children:
        if ch.type == "block":
            return ch
    return None


def end_reachable(body: tree_sitter.Node | None) -> bool:
    """True when a function body can run off its end (an implicit `return None`)."""
    return body is not None and not terminates(body)
