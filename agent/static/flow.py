"""Follow a failing value backwards through the source: receiver -> binding -> producer.

Works on tree-sitter trees of the few files a traceback touches; the index says which function a
call resolves to, this module says which expression produced the value that crashed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from tree_sitter import Node, Tree

OriginKind = Literal["call", "param", "global", "attribute", "literal", "subscript", "unknown"]

_FUNC = "function_definition"
_COMPREHENSIONS = (
    "list_comprehension",
    "generator_expression",
    "set_comprehension",
    "dictionary_comprehension",
)
_SCOPES = (_FUNC, "class_definition", "module")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where the value of an expression came from, as far as one function body shows."""

    kind: OriginKind
    line: int  # 1-based line of the binding (or of the expression when there is none)
    text: str  # the producing expression's source text
    name: str | None = None  # the bound name, parameter or attribute
    callee: str | None = None  # for calls: the called expression text ("repo.get_user")
    param_index: int | None = None  # for params: position in the signature
    awaited: bool = False
    node: Node | None = None


def text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


def walk(node: Node) -> Iterator[Node]:
    """Pre-order walk without recursion (files can nest deeply)."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def walk_scope(node: Node) -> Iterator[Node]:
    """Walk a function body without entering nested functions, classes or lambdas."""
    stack = list(reversed(node.children))
    while stack:
        n = stack.pop()
        yield n
        if n.type in (_FUNC, "class_definition", "lambda"):
            continue
        stack.extend(reversed(n.children))


def enclosing_function(tree: Tree, line: int) -> Node | None:
    """The innermost function definition whose span holds the 1-based line."""
    row = line - 1
    best: Node | None = None
    node = tree.root_node
    while True:
        nxt = None
        for child in node.children:
            if child.start_point[0] <= row <= child.end_point[0]:
                nxt = child
                break
        if nxt is None:
            return best
        if nxt.type == _FUNC:
            best = nxt
        node = nxt


def nodes_on_line(scope: Node, line: int, types: tuple[str, ...]) -> list[Node]:
    """Nodes of the given types that start on, or span, the 1-based line, innermost first."""
    row = line - 1
    found = []
    stack = [scope]
    while stack:  # only branches whose span covers the row: a line, not the whole file
        n = stack.pop()
        if not n.start_point[0] <= row <= n.end_point[0]:
            continue
        if n.type in types:
            found.append(n)
        stack.extend(n.children)
    found.sort(key=lambda n: n.end_byte - n.start_byte)
    return found


def receivers(scope: Node, line: int, attr: str | None, kind: str) -> list[Node]:
    """Candidate receiver expressions on a line: `X` in `X.attr`, `X[...]`, `for _ in X`.

    kind: "attribute" (needs attr), "subscript", "key" (attr holds the key), "iter", "call".
    """
    out: list[Node] = []
    if kind == "attribute":
        for n in nodes_on_line(scope, line, ("attribute",)):
            if attr is None or text(n.child_by_field_name("attribute")) == attr:
                obj = n.child_by_field_name("object")
                if obj is not None:
                    out.append(obj)
    elif kind in ("subscript", "key"):
        for n in nodes_on_line(scope, line, ("subscript",)):
            sub = n.child_by_field_name("subscript")
            if kind == "key" and attr is not None and _literal(sub) != attr:
                continue
            val = n.child_by_field_name("value")
            if val is not None:
                out.append(val)
    elif kind == "iter":
        for n in nodes_on_line(scope, line, ("for_statement", "for_in_clause")):
            right = n.child_by_field_name("right")
            if right is not None:
                out.append(right)
    elif kind == "call":
        for n in nodes_on_line(scope, line, ("call",)):
            out.append(n)
    return out


def _literal(node: Node | None) -> str | None:
    if node is None:
        return None
    if node.type == "string":
        return "".join(text(c) for c in node.children if c.type == "string_content")
    if node.type in ("integer", "identifier"):
        return text(node)
    return None


def parameters(func: Node) -> list[str]:
    """Parameter names of a function definition, in order (self included)."""
    params = func.child_by_field_name("parameters")
    names: list[str] = []
    if params is None:
        return names
    for p in params.named_children:
        if p.type == "identifier":
            names.append(text(p))
        elif p.type in ("typed_parameter", "list_splat_pattern", "dictionary_splat_pattern"):
            ident = next((c for c in p.named_children if c.type == "identifier"), None)
            if ident is not None:
                names.append(text(ident))
        elif p.type in ("default_parameter", "typed_default_parameter"):
            names.append(text(p.child_by_field_name("name")))
    return names


def _binds(target: Node, name: str) -> bool:
    if target.type == "identifier":
        return text(target) == name
    if target.type in ("pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern"):
        return any(_binds(c, name) for c in target.named_children)
    return False


def last_binding(
    func: Node, name: str, before_line: int, use: Node | None = None
) -> tuple[Node, Node | None] | None:
    """The last statement binding `name` before the line: (binding node, value node or None).

    `use` is the node reading the name: an assignment or walrus holding it binds only after it
    is read (`xs = [x for x in xs if x]` reads the previous `xs`), so it is not the binding.
    """
    row = before_line - 1
    best: tuple[Node, Node | None] | None = None
    for n in walk_scope(func):
        if n.start_point[0] > row:
            continue
        if (
            use is not None
            and n.type in ("assignment", "named_expression")
            and n.start_byte <= use.start_byte < n.end_byte
        ):
            continue
        if n.type == "assignment":
            left = n.child_by_field_name("left")
            if left is not None and _binds(left, name):
                cand = (n, n.child_by_field_name("right"))
                if best is None or n.start_point[0] >= best[0].start_point[0]:
                    best = cand
        elif n.type == "as_pattern":
            alias = n.child_by_field_name("alias")
            if alias is not None and text(alias).strip() == name:
                value = n.named_children[0] if n.named_children else None
                best = (n, value)
        elif n.type == "for_in_clause":
            left = n.child_by_field_name("left")
            if left is not None and _binds(left, name):
                best = (n, n.child_by_field_name("right"))
        elif n.type == "for_statement":
            left = n.child_by_field_name("left")
            if left is not None and _binds(left, name) and n.start_point[0] < row:
                best = (n, n.child_by_field_name("right"))
        elif n.type == "named_expression" and text(n.child_by_field_name("name")) == name:
            best = (n, n.child_by_field_name("value"))
    return best


MAX_HOPS = 40  # bindings followed back from one expression (a cycle or absurd code stops here)


def origin_of(
    func: Node | None, expr: Node, line: int, module: Node | None = None, _hops: int = 0
) -> Origin:
    """Classify where `expr` (evaluated at `line` inside `func`) got its value."""
    node = expr
    awaited = False
    while node.type in ("parenthesized_expression", "await", *_COMPREHENSIONS):
        if node.type in _COMPREHENSIONS:  # the elements come from the body expression
            body = node.child_by_field_name("body")
            if body is not None and body.type == "pair":  # {k: v for ...}: the values
                body = body.child_by_field_name("value")
            if body is None:
                break
            node = body
            continue
        awaited = awaited or node.type == "await"
        inner = node.named_children
        if not inner:
            break
        node = inner[-1]
    if node.type == "call":
        fn = node.child_by_field_name("function")
        return Origin(
            "call", node.start_point[0] + 1, text(node), callee=text(fn), awaited=awaited, node=node
        )
    if node.type in ("none", "string", "integer", "float", "dictionary", "list", "true", "false"):
        return Origin("literal", node.start_point[0] + 1, text(node), node=node)
    if node.type == "subscript":
        return Origin("subscript", node.start_point[0] + 1, text(node), node=node)
    if node.type == "attribute":
        return Origin(
            "attribute",
            node.start_point[0] + 1,
            text(node),
            name=text(node.child_by_field_name("attribute")),
            node=node,
        )
    if node.type == "identifier":
        name = text(node)
        if func is not None:
            bound = last_binding(func, name, line, use=node)
            if bound is not None:
                binding, value = bound
                if (
                    _hops < MAX_HOPS
                    and value is not None
                    and binding.type
                    in (
                        "assignment",
                        "as_pattern",
                        "for_statement",
                        "named_expression",
                        "for_in_clause",
                    )
                ):
                    got = origin_of(func, value, binding.start_point[0] + 1, module, _hops + 1)
                    return Origin(
                        got.kind,
                        binding.start_point[0] + 1,
                        got.text,
                        # `for x in xs` with xs a parameter: the caller passes xs, not x.
                        name=name if got.kind not in ("attribute", "param") else got.name,
                        callee=got.callee,
                        param_index=got.param_index,
                        awaited=got.awaited,
                        node=got.node,
                    )
                return Origin(
                    "unknown", binding.start_point[0] + 1, text(binding), name=name, node=binding
                )
            params = parameters(func)
            if name in params:
                return Origin(
                    "param",
                    func.start_point[0] + 1,
                    name,
                    name=name,
                    param_index=params.index(name),
                    node=func,
                )
        if module is not None:
            bound = last_binding(module, name, 10**9)
            if bound is not None:
                return Origin("global", bound[0].start_point[0] + 1, text(bound[0]), name=name)
        return Origin("unknown", line, name, name=name, node=node)
    return Origin("unknown", node.start_point[0] + 1, text(node), node=node)


def call_argument(call: Node, index: int | None, name: str | None) -> Node | None:
    """The argument expression a call passes for a parameter (by keyword, else by position)."""
    args = call.child_by_field_name("arguments")
    if args is None:
        return None
    positional: list[Node] = []
    for a in args.named_children:
        if a.type == "keyword_argument":
            if name is not None and text(a.child_by_field_name("name")) == name:
                return a.child_by_field_name("value")
        elif a.type not in ("list_splat", "dictionary_splat", "comment"):
            positional.append(a)
    if index is not None and 0 <= index < len(positional):
        return positional[index]
    return None


def calls_in(func: Node, callee_suffix: str | None = None) -> list[Node]:
    """Calls in a function body (not nested defs), optionally those whose callee ends so."""
    out = []
    for n in walk_scope(func):
        if n.type == "call":
            fn = text(n.child_by_field_name("function"))
            if callee_suffix is None or fn == callee_suffix or fn.endswith("." + callee_suffix):
                out.append(n)
    return out


def returns(func: Node) -> list[Node]:
    """The return statements of a function body (not nested defs)."""
    return [n for n in walk_scope(func) if n.type == "return_statement"]


def is_awaited(call: Node) -> bool:
    parent = call.parent
    while parent is not None and parent.type == "parenthesized_expression":
        parent = parent.parent
    return parent is not None and parent.type == "await"


def is_async(func: Node) -> bool:
    return any(c.type == "async" for c in func.children)


def function_at_def_line(tree: Tree, line: int) -> Node | None:
    """The function definition that starts on a 1-based line."""
    found = nodes_on_line(tree.root_node, line, (_FUNC,))
    return next((n for n in found if n.start_point[0] == line - 1), None)


def dict_keys(func: Node) -> list[tuple[str, int]]:
    """String keys a function builds: dict literal keys, `d["k"] = ...`, `dict(k=...)`."""
    keys: list[tuple[str, int]] = []
    for n in walk_scope(func):
        if n.type == "pair":
            k = _literal(n.child_by_field_name("key"))
            if k is not None and n.child_by_field_name("key") is not None:
                key_node = n.child_by_field_name("key")
                if key_node is not None and key_node.type == "string":
                    keys.append((k, n.start_point[0] + 1))
        elif n.type == "assignment":
            left = n.child_by_field_name("left")
            if left is not None and left.type == "subscript":
                k = _literal(left.child_by_field_name("subscript"))
                sub = left.child_by_field_name("subscript")
                if k is not None and sub is not None and sub.type == "string":
                    keys.append((k, n.start_point[0] + 1))
        elif n.type == "call" and text(n.child_by_field_name("function")) == "dict":
            for kw in nodes_of(n, "keyword_argument"):
                keys.append((text(kw.child_by_field_name("name")), kw.start_point[0] + 1))
    return keys


def nodes_of(node: Node, type_: str) -> list[Node]:
    return [n for n in walk(node) if n.type == type_]


def alternatives(node: Node | None) -> list[Node]:
    """The values an expression may take: both arms of `a if c else b`, each side of `a or b`."""
    if node is None:
        return []
    if node.type == "conditional_expression" and len(node.named_children) == 3:
        body, _cond, other = node.named_children
        return [*alternatives(body), *alternatives(other)]
    if node.type == "boolean_operator":
        return [a for c in node.named_children for a in alternatives(c)]
    if node.type == "parenthesized_expression" and node.named_children:
        return alternatives(node.named_children[0])
    return [node]


# Calls whose result holds the same elements as their argument or receiver: a value read out of
# them comes from what was put into the container they wrap.
VIEW_METHODS = frozenset({"items", "values", "keys", "copy"})
ELEMENT_BUILTINS = frozenset(
    {"list", "tuple", "sorted", "reversed", "set", "frozenset", "iter", "enumerate"}
)
EMPTY_CONTAINERS = frozenset({"{}", "[]", "()", "dict()", "list()", "set()"})
CONTAINER_FACTORIES = frozenset(
    {"dict", "list", "set", "defaultdict", "OrderedDict", "collections.defaultdict"}
)


def element_source(call: Node) -> Node | None:
    """The container a call's result takes its elements from: `d` in `d.items()`, `xs` in
    `sorted(xs, key=...)`; None for any other call."""
    fn = call.child_by_field_name("function")
    if fn is None:
        return None
    if fn.type == "attribute" and text(fn.child_by_field_name("attribute")) in VIEW_METHODS:
        return fn.child_by_field_name("object")
    if fn.type == "identifier" and text(fn) in ELEMENT_BUILTINS:
        return call_argument(call, 0, None)
    return None


def is_empty_container(node: Node | None) -> bool:
    """`{}`, `[]`, `dict()`, `defaultdict(list)`: a container whose elements are added later."""
    if node is None:
        return False
    if " ".join(text(node).split()) in EMPTY_CONTAINERS:
        return True
    if node.type == "call":
        fn = text(node.child_by_field_name("function"))
        args = node.child_by_field_name("arguments")
        n_args = len(args.named_children) if args is not None else 0
        return fn in CONTAINER_FACTORIES and n_args <= 1
    return False


def element_writes(func: Node, name: str) -> list[tuple[int, Node]]:
    """(line, value) of every element put into container `name` in a function body:
    `name[k] = v`, `name.append(v)`, `name.add(v)`, `name.insert(i, v)`, `name.setdefault(k, v)`."""
    out: list[tuple[int, Node]] = []
    for n in walk_scope(func):
        if n.type == "assignment":
            left = n.child_by_field_name("left")
            right = n.child_by_field_name("right")
            if (
                left is not None
                and right is not None
                and left.type == "subscript"
                and text(left.child_by_field_name("value")) == name
            ):
                out.append((n.start_point[0] + 1, right))
        elif n.type == "call":
            fn = n.child_by_field_name("function")
            if fn is None or fn.type != "attribute":
                continue
            if text(fn.child_by_field_name("object")) != name:
                continue
            method = text(fn.child_by_field_name("attribute"))
            index = {"append": 0, "add": 0, "insert": 1, "setdefault": 1}.get(method)
            value = call_argument(n, index, None) if index is not None else None
            if value is not None:
                out.append((n.start_point[0] + 1, value))
    return out
