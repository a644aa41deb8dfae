"""Value flow the extractor records beside plain calls: lambdas named the way PyCG names them
(`<lambda1>`, counted per enclosing scope), what functions return, function references passed
as call arguments, tuple unpacking, and literal dispatch tables (`d["k"]`, `lst[0]`) read back
through subscript pseudo-names. The resolver (indexers/valueflow.py) reads these rows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import tree_sitter

from debugai.indexers.nodes import _callee_text, _identifiers, _value_kind

if TYPE_CHECKING:
    from debugai.indexers.extract import FileRecord

# A subscript table key: a short string or a small integer literal, as Python would repr it.
_MAX_KEY = 40
_MAX_DEPTH = 3


def lambda_names(kinds: list[str], parents: list[int], names: list[str]) -> None:
    """Rename lambda defs (`names[i] == "<lambda>"`) to `<lambdaN>`, N counted per scope."""
    counts: dict[int, int] = {}
    for i, name in enumerate(names):
        if name == "<lambda>" and kinds[i] == "f":
            n = counts.get(parents[i], 0) + 1
            counts[parents[i]] = n
            names[i] = f"<lambda{n}>"


def value(node: tree_sitter.Node | None, lambdas: dict[int, str]) -> tuple[str, str]:
    """(kind, value) of an expression, with parentheses dropped and a lambda read as its name."""
    if node is not None and node.type not in _WRAPPED:
        return _value_kind(node)
    node = unwrap(node)
    if node is not None and node.type == "lambda":
        name = lambdas.get(node.start_byte)
        return ("name", name) if name else ("other", "")
    return _value_kind(node)


_WRAPPED = frozenset(("parenthesized_expression", "assignment", "lambda"))


def unwrap(node: tree_sitter.Node | None) -> tree_sitter.Node | None:
    """The value of `(x)` and of the chained `a = b = x`."""
    while node is not None and node.type in ("parenthesized_expression", "assignment"):
        if node.type == "assignment":
            node = node.child_by_field_name("right")
        elif node.named_child_count == 1:
            node = node.named_children[0]
        else:
            break
    return node


def key_text(node: tree_sitter.Node | None) -> str | None:
    """`'k'` / `0` for a literal key that can be part of a pseudo-name; None otherwise."""
    if node is None:
        return None
    raw = (node.text or b"").decode("utf-8", "replace")
    if node.type == "integer":
        return raw if raw.isdigit() and len(raw) < 6 and (raw == "0" or raw[0] != "0") else None
    if node.type != "string" or len(raw) > _MAX_KEY or len(raw) < 2:
        return None
    q = raw[0]
    if q not in "'\"" or raw[-1] != q or raw.startswith(q * 3) or "\\" in raw:
        return None  # prefixed, triple-quoted or escaped strings are left out
    body = raw[1:-1]
    if any(c in body for c in ".[]'\"") or not body.isprintable():
        return None
    return f"'{body}'"


def subscript_name(node: tree_sitter.Node, depth: int = 0) -> str | None:
    """`d["k"][0]` -> `d['k'][0]`: a name whose subscripts are all literal keys."""
    if node.type == "identifier":
        return _callee_text(node)
    if node.type != "subscript" or depth > _MAX_DEPTH:
        return None
    base = node.child_by_field_name("value")
    keys = node.children_by_field_name("subscript")
    if base is None or len(keys) != 1:
        return None
    key = key_text(keys[0])
    head = subscript_name(base, depth + 1)
    return f"{head}[{key}]" if head is not None and key is not None else None


def table_binds(
    out: list[tuple[Any, ...]],
    scope: int,
    name: str,
    right: tree_sitter.Node,
    line: int,
    lambdas: dict[int, str],
    depth: int = 0,
) -> None:
    """Bind `name[key]` for each literal entry of a dict or list literal (nested ones too)."""
    if depth > _MAX_DEPTH:
        return
    if right.type == "dictionary":
        for pair in right.named_children:
            if pair.type != "pair":
                if pair.type == "dictionary_splat":
                    out.append((scope, f"{name}[?]", "other", "", line))
                continue
            val = pair.child_by_field_name("value")
            if val is None or val.type not in _ENTRY_TYPES:
                continue
            key = key_text(pair.child_by_field_name("key"))
            if key is not None:
                _entry(
                    out,
                    scope,
                    f"{name}[{key}]",
                    pair.child_by_field_name("value"),
                    line,
                    lambdas,
                    depth,
                )
    elif right.type in ("list", "tuple"):
        for i, el in enumerate(right.named_children):
            if el.type in ("list_splat", "comment"):
                return  # later positions are unknown
            if el.type not in _ENTRY_TYPES:
                continue
            _entry(out, scope, f"{name}[{i}]", el, line, lambdas, depth)


def _entry(
    out: list[tuple[Any, ...]],
    scope: int,
    target: str,
    node: tree_sitter.Node | None,
    line: int,
    lambdas: dict[int, str],
    depth: int,
) -> None:
    if node is None:
        return
    if node.type in ("dictionary", "list", "tuple"):
        table_binds(out, scope, target, node, line, lambdas, depth + 1)
        return
    kind, val = value(node, lambdas)
    if kind in ("name", "call"):
        out.append((scope, target, kind, val, line))


_ENTRY_TYPES = frozenset(
    ("identifier", "attribute", "call", "lambda", "parenthesized_expression", "dictionary")
) | {"list", "tuple"}
_SEQ_TARGETS = ("pattern_list", "tuple_pattern", "list_pattern")
_SEQ_VALUES = ("expression_list", "tuple", "list")


def unpack(
    out: list[tuple[Any, ...]],
    scope: int,
    left: tree_sitter.Node,
    right: tree_sitter.Node | None,
    line: int,
    lambdas: dict[int, str],
) -> bool:
    """`a, (b, *c) = f, (g, h, k)`: bind each target to its element; False if shapes differ."""
    while right is not None and right.type == "assignment":
        right = right.child_by_field_name("right")
    if right is None or left.type not in _SEQ_TARGETS or right.type not in _SEQ_VALUES:
        return False
    targets = [t for t in left.named_children if t.type != "comment"]
    values = [v for v in right.named_children if v.type != "comment"]
    if any(v.type in ("list_splat", "parenthesized_list_splat") for v in values):
        return False
    stars = [i for i, t in enumerate(targets) if t.type == "list_splat_pattern"]
    if len(stars) > 1 or (not stars and len(targets) != len(values)):
        return False
    if stars and len(values) < len(targets) - 1:
        return False
    star = stars[0] if stars else len(targets)
    tail = len(targets) - star - 1
    for i, t in enumerate(targets):
        if i < star:
            parts: list[tree_sitter.Node] = [values[i]]
        elif i == star:
            rest = values[star : len(values) - tail]
            inner = t.named_children[0] if t.named_child_count else None
            if inner is not None and inner.type == "identifier":
                name = _callee_text(inner)
                out.append((scope, name, "lit", "list", line))
                for k, el in enumerate(rest):
                    _entry(out, scope, f"{name}[{k}]", el, line, lambdas, 0)
            continue
        else:
            parts = [values[len(values) - (len(targets) - i)]]
        v = parts[0]
        if t.type == "identifier":
            kind, val = value(v, lambdas)
            out.append((scope, _callee_text(t), kind, val, line))
        elif t.type in _SEQ_TARGETS and not unpack(out, scope, t, v, line, lambdas):
            for name in _identifiers(t):
                out.append((scope, name, "other", "", line))
        # attribute and subscript targets bind nothing here
    return True


def call_args(
    call: tree_sitter.Node, lambdas: dict[int, str], refs: frozenset[str] | set[str]
) -> list[tuple[int | str, str]]:
    """(position or keyword, value) of arguments that may be function references."""
    args = call.child_by_field_name("arguments")
    if args is None or args.type != "argument_list":
        return []
    out: list[tuple[int | str, str]] = []
    pos = 0
    for a in args.named_children:
        t = a.type
        if t == "comment":
            continue
        if t == "keyword_argument":
            kw = a.child_by_field_name("name")
            v = a.child_by_field_name("value")
            if kw is not None and v is not None:
                ref = _ref(v, lambdas, refs)
                if ref is not None:
                    out.append((_callee_text(kw), ref))
            continue
        if t in ("list_splat", "dictionary_splat"):
            pos = -(1 << 20)  # later positions are unknown
            continue
        if pos >= 0:
            ref = _ref(a, lambdas, refs)
            if ref is not None:
                out.append((pos, ref))
        pos += 1
    return out


def _ref(
    node: tree_sitter.Node, lambdas: dict[int, str], refs: frozenset[str] | set[str]
) -> str | None:
    """The text of an argument the resolver can follow: a known name, a lambda, a dotted chain
    on a known name (`self.c`, `a.func2`), or a call of one (`Cls()`, `make()`; the value is
    what the call returns, whatever its arguments)."""
    t = node.type
    if t == "identifier":
        text = (node.text or b"").decode("utf-8", "replace")
        return text if text in refs else None
    if t == "lambda":
        return lambdas.get(node.start_byte)
    if t == "call":
        fn = node.child_by_field_name("function")
        if fn is None or fn.type not in ("identifier", "attribute"):
            return None
        chain = _chain(fn, refs)
        return f"{chain}()" if chain is not None else None
    if t == "attribute":
        return _chain(node, refs)
    return None


def _chain(node: tree_sitter.Node, refs: frozenset[str] | set[str]) -> str | None:
    raw = node.text or b""
    if len(raw) > 64 or not _DOTTED.match(raw):
        return None
    text = raw.decode("utf-8", "replace")
    return text if text.split(".", 1)[0] in refs else None


_HEAD = re.compile(rb"[A-Za-z_]\w*")
_DOTTED = re.compile(rb"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\Z")


# Builtins that take classes and functions as plain values and never call them: their arguments
# are not worth a row (`isinstance(x, Cls)`, `super(Cls, self)` are most of the candidates).
_NO_CALLBACK = frozenset(
    n.encode()
    for n in (
        "isinstance", "issubclass", "super", "getattr", "setattr", "hasattr", "delattr", "len",
        "print", "repr", "str", "type", "id", "iter", "list", "tuple", "set", "frozenset",
        "callable", "vars", "dir", "hash", "bool", "int", "float",
    )
)  # fmt: skip


def flow_rows(
    rec: FileRecord,
    caps: dict[str, list[tree_sitter.Node]],
    scope_of: Any,
    tree: tuple[list[str], list[int], list[str]],
    lambdas: dict[int, str],
    defaults: list[tuple[int, str, tree_sitter.Node]],
) -> None:
    """Arguments naming function references (parameter defaults too: `def f(cb=handler)` is
    the argument of a call without `cb`), raised classes and calls of parameters."""
    kinds, parents, names = tree
    refs = set(names)
    refs.update(imp[5] or imp[4] or imp[2].split(".")[0] for imp in rec.imports)
    # Bound names and parameters too: their values may flow into the callee's parameters
    # (indexers/paramflow.py); names bound to values never followed are left out.
    refs.update(b[1] for b in rec.binds if b[2] != "other" and "." not in b[1])
    refs.update(p[2] for p in rec.params)
    seen: set[tuple[int, int]] = set()  # a call's span: `super(C, s).f(x)` shares its start
    refs_b = {r.encode("utf-8") for r in refs}
    found = [n for n in caps.get("arg", ()) if n.text in refs_b]
    # Dotted chains and calls whose head names nothing followable (`str(x)`, `os.sep`) are
    # dropped before their call is looked at.
    head = _HEAD.match
    for n in caps.get("argx", ()):
        m = head(n.text or b"")
        if m is not None and m.group(0) in refs_b:
            found.append(n)
    for node in (*found, *caps.get("argl", ())):
        call = node.parent
        if call is not None and call.type == "keyword_argument":
            call = call.parent
        call = call.parent if call is not None else None
        if call is None or call.type != "call":
            continue
        span = (call.start_byte, call.end_byte)
        if span in seen:
            continue
        seen.add(span)
        fn = call.child_by_field_name("function")
        if fn is None or fn.text in _NO_CALLBACK:
            continue
        if fn.type == "call":  # `make()(handler)`: the callee is what make() returns
            inner = fn.child_by_field_name("function")
            if inner is None or inner.type not in ("identifier", "attribute"):
                continue
            if len(fn.text or b"") > 64:
                continue
        elif fn.type not in ("identifier", "attribute"):
            continue
        callee = _callee_text(fn)
        scope = scope_of(call.start_byte)
        line = call.start_point[0] + 1
        for slot, ref in call_args(call, lambdas, refs):
            rec.args.append((scope, line, callee, slot, ref))
    for idx, pname, node in defaults:
        default = _ref(node, lambdas, refs)
        if default is not None:
            rec.args.append((parents[idx], rec.defs[idx][3], names[idx], pname, default))
    for node in caps.get("raise", []):
        exc = node.named_child(0) if node.named_child_count else None
        if exc is not None and exc.type in ("identifier", "attribute"):
            scope = scope_of(node.start_byte)
            rec.refs.append((scope, node.start_point[0] + 1, "raise", _callee_text(exc)))
    owners: dict[str, list[int]] = {}
    for idx, _pos, pname, _ann, _star in rec.params:
        owners.setdefault(pname, []).append(idx)
    if not owners:
        return
    called = [(c[0], c[3]) for c in rec.calls if c[3] in owners and c[0] >= 0]
    if not called:
        return
    names_called = {text for _scope, text in called}
    local: dict[int, set[str]] = {}
    for row in (*rec.binds, *((d[2], d[1]) for d in rec.defs)):
        if row[1] in names_called:
            local.setdefault(row[0], set()).add(row[1])
    own = {(idx, pname) for pname, idxs in owners.items() for idx in idxs}
    for scope, text in called:
        s = scope
        while s >= 0:  # the nearest function binding the name: it must be that parameter
            if (s, text) in own:
                if text not in local.get(s, ()):
                    rec.param_calls.append((scope, s, text))
                break
            if kinds[s] == "f" and text in local.get(s, ()):
                break
            s = parents[s]


# Methods that leave a table's entries as they were: any other method call may change them.
_READS = frozenset(("get", "keys", "values", "items", "copy", "index", "count", "__getitem__"))


def mark_dirty_tables(
    binds: list[tuple[Any, ...]],
    var_keys: list[tuple[int, str, int]],
    calls: list[tuple[Any, ...]],
) -> None:
    """Bind `d[?]` beside a table `d` whose entries may change where the extractor cannot follow:
    a computed-key write, a write from another scope, or a mutating method call (`d.update`)."""
    names = {b[1].split("[", 1)[0] for b in binds if "[" in b[1]}
    if not names:
        return
    heads = {(b[0], b[1]) for b in binds if b[2] == "lit"}
    dirty = {base for _scope, base, _line in var_keys}
    for b in binds:
        if "[" in b[1]:
            head = b[1].split("[", 1)[0]
            if (b[0], head) not in heads:
                dirty.add(head)
    for call in calls:
        text = call[3]
        obj, dot, method = text.rpartition(".")
        if dot and obj in names and method not in _READS:
            dirty.add(obj)
    for scope, head in sorted(heads):
        if head in dirty and head in names:
            binds.append((scope, f"{head}[?]", "other", "", 0))


def loop_binds(rec: FileRecord, nodes: list[tree_sitter.Node], scope_of: Any) -> None:
    """Loop and `as` targets; `for x in it` also records the loop (its __iter__/__next__ calls)
    and binds a plain target to the item `it` yields."""
    binds = rec.binds
    for node in nodes:
        scope = scope_of(node.start_byte)
        line = node.start_point[0] + 1
        loop = node.parent
        iterable = loop.child_by_field_name("right") if loop is not None else None
        if iterable is not None and iterable.type in ("identifier", "attribute", "call"):
            raw = iterable.text or b""
            if len(raw) > 64 or b" " in raw or b"\n" in raw:
                text = _callee_text(iterable)
            else:
                text = raw.decode("utf-8", "replace")
            if loop is not None and loop.type == "for_statement":
                rec.refs.append((scope, line, "iter", text))
            if node.type == "identifier":
                binds.append((scope, _callee_text(node), "iter", text, line))
                continue
        for name in _identifiers(node):
            binds.append((scope, name, "other", "", line))


# Statements that run once, in order, where they stand: a binding in one reaches what follows.
_SIMPLE = frozenset(
    (
        "expression_statement", "import_statement", "import_from_statement", "pass_statement",
        "function_definition", "class_definition", "decorated_definition", "comment",
    )
)  # fmt: skip


def straight_line_spans(
    rec: FileRecord, root: tree_sitter.Node, def_nodes: list[tree_sitter.Node]
) -> None:
    """For each scope binding some name more than once, the line spans of its body that do not
    run straight through (compound statements; the continuation lines of a multi-line simple
    statement), after a marker row (scope, 0, 0): the resolver lets the binding that last ran
    before a call decide it only when the call and every binding lie outside those spans."""
    keys = [(b[0], b[1]) for b in rec.binds]
    keys += [(d[2], d[1]) for d in rec.defs]
    keys += [(imp[0], imp[5] or imp[4] or imp[2].split(".")[0]) for imp in rec.imports]
    keys += [(p[0], p[2]) for p in rec.params]
    if len(set(keys)) == len(keys):
        return  # no name is bound twice in one scope
    seen: set[tuple[int, str]] = set()
    scopes: set[int] = set()
    for key in keys:
        if key in seen:
            scopes.add(key[0])
        seen.add(key)
    for scope in sorted(scopes):
        if scope >= 0 and rec.defs[scope][1][0] == "<":
            continue  # a lambda's body is one expression
        body = root if scope < 0 else def_nodes[scope].child_by_field_name("body")
        if body is None or body.type not in ("module", "block"):
            continue
        rec.spans.append((scope, 0, 0))
        for stmt in body.named_children:
            start = stmt.start_point[0] + 1
            end = stmt.end_point[0] + 1
            if stmt.type not in _SIMPLE:
                rec.spans.append((scope, start, end))
            elif end > start:  # a default or decorator on a later line runs before the binding
                rec.spans.append((scope, start + 1, end))


def self_calls(rec: FileRecord) -> list[tuple[int, str]]:
    """`self.x()` calls in methods whose class binds no `x` itself (see indexers/selfcalls.py)."""
    first = {p[0]: p[2] for p in rec.params if p[1] == 0}
    own = {(d[2], d[1]) for d in rec.defs}
    own.update((b[0], b[1]) for b in rec.binds)
    defs = rec.defs
    for b in rec.binds:
        if "." in b[1] and b[0] >= 0:
            own.add((defs[b[0]][2], b[1].partition(".")[2]))
    out: set[tuple[int, str]] = set()
    for scope, _line, _end, text in rec.calls:
        obj, dot, name = text.partition(".")
        if scope >= 0 and dot and first.get(scope) == obj and "." not in name:
            cls = defs[scope][2]
            if cls >= 0 and defs[cls][0] == "c" and (cls, name) not in own:
                out.add((cls, name))
    return sorted(out)
