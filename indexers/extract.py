"""Per-file extraction: one compiled query pass over a tree yields a compact, path-independent
FileRecord of plain tuples (cacheable by content hash; resolved later by indexers/link.py)."""

from __future__ import annotations

import hashlib
import operator
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import tree_sitter

from debugai.indexers import flow
from debugai.indexers.nodes import (
    _callee_text,
    _doc,
    _first_error_line,
    _identifiers,
    _literal,
    _text,
    _value_kind,
)
from debugai.indexers.nonepaths import classify_return, end_reachable
from debugai.indexers.parser import parse_source, query

# Record layout version: bump when the tuples below change shape, or when linking reads them
# differently (it is part of the cache version, so cached link packs are rebuilt).
RECORD_VERSION = 5

ENV_CALLS = {
    "os.getenv": ("getenv", False),
    "getenv": ("getenv", True),
    "os.environ.get": ("environ.get", False),
    "environ.get": ("environ.get", True),
    "os.environ.setdefault": ("environ.get", False),
}
REF_CALLS = {
    "Depends": "Depends",
    "fastapi.Depends": "Depends",
    "Security": "Depends",
    "fastapi.Security": "Depends",
    "partial": "partial",
    "functools.partial": "partial",
}
ROUTE_VERBS = {"get", "post", "put", "patch", "delete", "head", "options", "route", "api_route"}
ROUTE_VERBS |= {"websocket", "api_websocket_route", "websocket_route", "add_api_route"}


@dataclass(slots=True)
class FileRecord:
    """Everything one file contributes to the index, as plain tuples (see field comments)."""

    # (kind "c"|"f", name, parent def index or -1, line, end_line, decorated_line or 0,
    #  signature, decorators, doc, bases (class) | return annotation (function), none_paths)
    defs: list[tuple[Any, ...]] = field(default_factory=list)
    # (def index, position, name, annotation or None, star "" | "*" | "**")
    params: list[tuple[Any, ...]] = field(default_factory=list)
    # (scope, line, module text, relative level, imported name or None or "*", alias or None)
    imports: list[tuple[Any, ...]] = field(default_factory=list)
    # (scope, line, end_line, callee text)
    calls: list[tuple[Any, ...]] = field(default_factory=list)
    # (scope, line, how "Depends"|"partial", referenced callable text)
    refs: list[tuple[Any, ...]] = field(default_factory=list)
    # (def index of the handler, decorator line, decorator text)
    routes: list[tuple[Any, ...]] = field(default_factory=list)
    # (scope, target "x"|"self.x", kind "call"|"name"|"ann"|"lit"|"none"|"other", value, line)
    binds: list[tuple[Any, ...]] = field(default_factory=list)
    globals: list[tuple[Any, ...]] = field(default_factory=list)  # (scope, name)
    # (function def index, kind "call"|"name"|"other", value) of each valued return statement
    returns: list[tuple[Any, ...]] = field(default_factory=list)
    # (scope, line, callee text, position or keyword, referenced name) of call arguments naming
    # a def, an import or a reference-valued binding (see indexers/flow.py)
    args: list[tuple[Any, ...]] = field(default_factory=list)
    # (scope of the call, def index owning the parameter, parameter name): `param()` calls
    param_calls: list[tuple[Any, ...]] = field(default_factory=list)
    # (scope, line, var, how, default or None, bare name that must come from os)
    env: list[tuple[Any, ...]] = field(default_factory=list)
    # module- and class-level assignments (scope, name, line, value text)
    assigns: list[tuple[Any, ...]] = field(default_factory=list)
    # (scope, first line, last line) of bodies not run straight through (flow.straight_line_spans)
    spans: list[tuple[Any, ...]] = field(default_factory=list)
    all_names: tuple[str, ...] | None = None
    generators: tuple[int, ...] = ()
    n_lines: int = 0
    error: str | None = None
    doc: str | None = None  # first line of the module docstring
    iface: str = ""  # hash of what other files can see (names, imports, bases, annotations)

    def to_plain(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in _FIELDS)

    @classmethod
    def from_plain(cls, data: tuple[Any, ...]) -> FileRecord:
        return cls(*data)


_FIELDS = tuple(FileRecord.__dataclass_fields__)
_CALL_KEY = operator.itemgetter(1, 0, 2, 3)
_BIND_KEY = operator.itemgetter(4, 0, 1, 2, 3)
_ASSIGN_KEY = operator.itemgetter(2, 0, 1, 3)


def _params(rec: FileRecord, idx: int, params: tree_sitter.Node, defaults: list[Any]) -> None:
    pos = 0
    for p in params.named_children:
        t = p.type
        default: tree_sitter.Node | None = None
        name_node: tree_sitter.Node | None = None
        ann: str | None = None
        star = ""
        if t == "identifier":
            name_node = p
        elif t in ("default_parameter", "typed_default_parameter"):
            name_node = p.child_by_field_name("name")
            default = p.child_by_field_name("value")
            if t == "typed_default_parameter":
                ann = _text(p.child_by_field_name("type"))
        elif t == "typed_parameter":
            inner = p.named_children[0] if p.named_child_count else None
            ann = _text(p.child_by_field_name("type"))
            if inner is not None and inner.type in (
                "list_splat_pattern",
                "dictionary_splat_pattern",
            ):
                star = "*" if inner.type == "list_splat_pattern" else "**"
                inner = inner.named_children[0] if inner.named_child_count else None
            name_node = inner
        elif t in ("list_splat_pattern", "dictionary_splat_pattern"):
            star = "*" if t == "list_splat_pattern" else "**"
            name_node = p.named_children[0] if p.named_child_count else None
        else:
            continue
        if name_node is None or name_node.type != "identifier" or not name_node.text:
            continue
        rec.params.append((idx, pos, name_node.text.decode("utf-8", "replace"), ann, star))
        if default is not None and default.type in ("identifier", "lambda"):
            defaults.append((idx, rec.params[-1][2], default))  # `cb=handler` may be called
        pos += 1


def _imports(rec: FileRecord, scope: int, node: tree_sitter.Node) -> None:
    line = node.start_point[0] + 1
    if node.type == "import_statement":
        for ch in node.named_children:
            if ch.type == "dotted_name":
                rec.imports.append((scope, line, _callee_text(ch), 0, None, None))
            elif ch.type == "aliased_import":
                alias = ch.child_by_field_name("alias")
                mod = _callee_text(ch.child_by_field_name("name") or ch)
                rec.imports.append((scope, line, mod, 0, None, _text(alias) or None))
        return
    mod_node = node.child_by_field_name("module_name")
    level, module = 0, ""
    if mod_node is not None:
        if mod_node.type == "relative_import":
            for ch in mod_node.children:
                if ch.type == "import_prefix":
                    level = len((ch.text or b"").strip())
                elif ch.type == "dotted_name":
                    module = _callee_text(ch)
        else:
            module = _callee_text(mod_node)
    for ch in node.children_by_field_name("name"):
        if ch.type == "dotted_name":
            rec.imports.append((scope, line, module, level, _callee_text(ch), None))
        elif ch.type == "aliased_import":
            alias = ch.child_by_field_name("alias")
            name = _callee_text(ch.child_by_field_name("name") or ch)
            rec.imports.append((scope, line, module, level, name, _text(alias) or None))
    for ch in node.named_children:
        if ch.type == "wildcard_import":
            rec.imports.append((scope, line, module, level, "*", None))


def _env_call(
    rec: FileRecord, scope: int, line: int, call: tree_sitter.Node, how: str, bare: bool
) -> None:
    args = call.child_by_field_name("arguments")
    var, default = "?", None
    if args is not None:
        positional = [
            a for a in args.named_children if a.type not in ("keyword_argument", "comment")
        ]
        if positional:
            var = _literal(positional[0]) or "?"
        if len(positional) > 1:
            default = _text(positional[1])
        for a in args.named_children:
            if a.type == "keyword_argument" and _text(a.child_by_field_name("name")) == "default":
                default = _text(a.child_by_field_name("value"))
    rec.env.append((scope, line, var, how, default, bare))


def _route(text: str) -> bool:
    head = text.split("(", 1)[0]
    return "." in head and head.rsplit(".", 1)[1] in ROUTE_VERBS


def extract(src: bytes) -> FileRecord:
    """Extract one file's record from its source bytes."""
    tree = parse_source(src)
    return extract_tree(tree, src)


def extract_tree(tree: tree_sitter.Tree, src: bytes) -> FileRecord:
    root = tree.root_node
    caps = tree_sitter.QueryCursor(query("python")).captures(root)
    rec = FileRecord(n_lines=src.count(b"\n") + (0 if src.endswith(b"\n") or not src else 1))
    rec.doc = _doc(root)
    if root.has_error:
        rec.error = f"syntax error near line {_first_error_line(root)} (indexed what parses)"

    # Capture lists are grouped by pattern, not globally ordered: sort definitions by position.
    def_nodes = sorted(caps.get("def", []), key=lambda n: n.start_byte)
    starts: list[int] = []
    ends: list[int] = []
    parents: list[int] = []
    kinds: list[str] = []
    stack: list[int] = []
    for i, node in enumerate(def_nodes):
        sb = node.start_byte
        while stack and ends[stack[-1]] <= sb:
            stack.pop()
        parents.append(stack[-1] if stack else -1)
        starts.append(sb)
        ends.append(node.end_byte)
        kinds.append("c" if node.type == "class_definition" else "f")
        stack.append(i)
    names = [
        "<lambda>" if n.type == "lambda" else _text(n.child_by_field_name("name"))
        for n in def_nodes
    ]
    flow.lambda_names(kinds, parents, names)
    lambdas = {n.start_byte: names[i] for i, n in enumerate(def_nodes) if n.type == "lambda"}

    def scope_of(pos: int) -> int:
        i = bisect_right(starts, pos) - 1
        while i >= 0 and ends[i] <= pos:
            i = parents[i]
        return i

    # Definitions.
    defaults: list[tuple[int, str, tree_sitter.Node]] = []
    for i, node in enumerate(def_nodes):
        name = names[i]
        line = node.start_point[0] + 1
        end_line = node.end_point[0] + 1
        deco_line = 0
        decorators: tuple[str, ...] = ()
        par = node.parent
        parent_scope = parents[i]
        if par is not None and par.type == "decorated_definition":
            deco_line = par.start_point[0] + 1
            decos = [c for c in par.named_children if c.type == "decorator"]
            texts = []
            for d in decos:
                expr = d.named_children[0] if d.named_child_count else None
                t = _callee_text(expr) if expr is not None else ""
                texts.append(t)
                dl = d.start_point[0] + 1
                if expr is not None and expr.type in ("identifier", "attribute"):
                    # `@deco` is the call deco(func), made by the enclosing scope.
                    rec.calls.append((parent_scope, dl, dl, t))
                elif expr is not None and expr.type == "call":
                    rec.refs.append((parent_scope, dl, "deco", t))  # `@make()`: make()(func)
                if (
                    d is decos[-1]
                    and expr is not None
                    and expr.type in ("identifier", "attribute", "call")
                ):
                    rec.args.append((parent_scope, dl, t, 0, name))  # the innermost gets the def
                if _route(t):
                    rec.routes.append((i, d.start_point[0] + 1, t))
            decorators = tuple(texts)
        body = node.child_by_field_name("body")
        if kinds[i] == "f":
            params = node.child_by_field_name("parameters")
            ret = node.child_by_field_name("return_type")
            sig = _text(params, 400)
            ret_text = _text(ret) if ret is not None else None
            if ret_text:
                sig = f"{sig} -> {ret_text}"
            if params is not None:
                _params(rec, i, params, defaults)
            rec.defs.append(
                (
                    "f",
                    name,
                    parent_scope,
                    line,
                    end_line,
                    deco_line,
                    sig,
                    decorators,
                    _doc(body),
                    ret_text,
                    (),
                )
            )
        else:
            sup = node.child_by_field_name("superclasses")
            bases: tuple[str, ...] = ()
            if sup is not None:
                bases = tuple(
                    _callee_text(b)
                    for b in sup.named_children
                    if b.type
                    not in ("keyword_argument", "comment", "list_splat", "dictionary_splat")
                )
            csig = f"({', '.join(bases)})" if bases else None
            rec.defs.append(
                (
                    "c",
                    name,
                    parent_scope,
                    line,
                    end_line,
                    deco_line,
                    csig,
                    decorators,
                    _doc(body),
                    bases,
                    (),
                )
            )

    # Calls, plus the few calls that also reference a callable or read the environment.
    calls = rec.calls
    for call in caps.get("call", []):
        fn = call.child(0)
        if fn is None:
            continue
        raw = fn.text or b""
        if fn.type == "subscript":
            text = flow.subscript_name(fn) or _callee_text(fn)
        elif len(raw) > 64 or b" " in raw or b"\n" in raw:
            text = _callee_text(fn)
        else:
            text = raw.decode("utf-8", "replace")
        sb = call.start_byte
        i = bisect_right(starts, sb) - 1
        while i >= 0 and ends[i] <= sb:
            i = parents[i]
        line = call.start_point[0] + 1
        end_line = call.end_point[0] + 1
        calls.append((i, line, end_line, text))
        if text in ENV_CALLS:
            env = ENV_CALLS[text]
            _env_call(rec, i, line, call, env[0], env[1])
        elif text in REF_CALLS:
            args = call.child_by_field_name("arguments")
            first = args.named_child(0) if args is not None and args.named_child_count else None
            if first is not None and first.type in ("identifier", "attribute"):
                rec.refs.append((i, line, REF_CALLS[text], _callee_text(first)))

    for node in caps.get("import", []):
        _imports(rec, scope_of(node.start_byte), node)

    # Bindings.
    binds = rec.binds
    var_keys: list[tuple[int, str, int]] = []
    for node in caps.get("assign", []):
        left = node.child_by_field_name("left")
        if left is None:
            continue
        scope = scope_of(node.start_byte)
        line = node.start_point[0] + 1
        right = node.child_by_field_name("right")
        ann = node.child_by_field_name("type")
        if left.type == "identifier":
            target = _text(left)
            if ann is not None:
                kind, value = "ann", _text(ann)
            else:
                kind, value = flow.value(right, lambdas)
            binds.append((scope, target, kind, value, line))
            if kind == "lit" and value in ("dict", "list", "tuple"):
                table = flow.unwrap(right)
                if table is not None:
                    flow.table_binds(binds, scope, target, table, line, lambdas)
            if right is not None and (scope == -1 or kinds[scope] == "c"):
                rec.assigns.append((scope, target, line, _text(right)))
                if scope == -1 and target == "__all__" and right.type in ("list", "tuple"):
                    rec.all_names = tuple(
                        s for s in (_literal(e) for e in right.named_children) if s is not None
                    )
        elif left.type == "attribute":
            obj = left.child_by_field_name("object")
            if obj is not None and obj.type == "identifier":
                kind, value = ("ann", _text(ann)) if ann is not None else _value_kind(right)
                binds.append((scope, _callee_text(left), kind, value, line))
        elif left.type == "subscript":
            pseudo = flow.subscript_name(left)
            if pseudo is not None:
                binds.append((scope, pseudo, *flow.value(right, lambdas), line))
            else:
                base = left.child_by_field_name("value")
                if base is not None and base.type == "identifier":
                    var_keys.append((scope, _text(base), line))
        elif not flow.unpack(binds, scope, left, right, line, lambdas):
            for name in _identifiers(left):
                binds.append((scope, name, "other", "", line))
    flow.mark_dirty_tables(binds, var_keys, rec.calls)
    for node in caps.get("bind", []):
        binds.append((scope_of(node.start_byte), _text(node), "other", "", node.start_point[0] + 1))
    flow.loop_binds(rec, caps.get("bindpat", []), scope_of)
    for node in caps.get("global", []):
        rec.globals.append((scope_of(node.start_byte), _text(node)))

    for node in caps.get("envsub", []):
        key_node = node.child_by_field_name("subscript")
        obj_node = node.child_by_field_name("value")
        bare = obj_node is not None and obj_node.type == "identifier"
        rec.env.append(
            (
                scope_of(node.start_byte),
                node.start_point[0] + 1,
                _literal(key_node) or "?",
                "environ[]",
                None,
                bare,
            )
        )

    flow.flow_rows(rec, caps, scope_of, (kinds, parents, names), lambdas, defaults)
    flow.straight_line_spans(rec, root, def_nodes)

    # Return paths.
    gens = {scope_of(n.start_byte) for n in caps.get("yield", [])}
    rec.generators = tuple(sorted(g for g in gens if g >= 0))
    for node in caps.get("yield", []):  # a generator's rows in `returns` are what it yields
        scope = scope_of(node.start_byte)
        if scope >= 0 and node.named_child_count:
            first = node.children[1] if node.child_count > 1 else None
            kind, value = (
                ("other", "")
                if first is not None and first.type == "from"
                else (flow.value(node.named_children[0], lambdas))
            )
            rec.returns.append(
                (scope, kind, value) if kind in ("call", "name") else (scope, "other", "")
            )
    paths: dict[int, list[tuple[int, str]]] = {}
    valued: set[int] = set()
    for node in caps.get("return", []):
        scope = scope_of(node.start_byte)
        if scope < 0 or kinds[scope] != "f":
            continue
        reason, has_value = classify_return(node)
        if has_value and node.named_child_count and scope not in gens:
            kind, value = flow.value(node.named_children[0], lambdas)
            if kind != "none":
                rec.returns.append(
                    (scope, kind, value) if kind in ("call", "name") else (scope, "other", "")
                )
        if reason is not None:
            paths.setdefault(scope, []).append((node.start_point[0] + 1, reason))
        if has_value:
            valued.add(scope)
    for i in valued:
        if i not in gens and end_reachable(def_nodes[i].child_by_field_name("body")):
            paths.setdefault(i, []).append((rec.defs[i][4], "fall-through"))
    for i, found in paths.items():
        row = rec.defs[i]
        rec.defs[i] = (*row[:10], tuple(sorted(set(found))))

    # Capture order is not stable from run to run: sort, so equal sources give equal records.
    rec.calls.sort(key=_CALL_KEY)  # the big lists hold no None: plain itemgetter keys
    rec.binds.sort(key=_BIND_KEY)
    rec.assigns.sort(key=_ASSIGN_KEY)
    rec.returns.sort()
    rec.args.sort(key=lambda t: (t[1], t[0], t[2], str(t[3]), t[4]))
    rec.param_calls.sort()
    for rows in (rec.imports, rec.refs, rec.env):
        rows.sort(key=_line_first)
    rec.globals.sort()
    rec.iface = interface_hash(rec)
    return rec


def _line_first(t: tuple[Any, ...]) -> tuple[Any, ...]:
    """Sort key: (line, scope, the rest) with None made comparable."""
    return (t[1], t[0], *("" if v is None else v for v in t[2:]))


def interface_hash(rec: FileRecord) -> str:
    """Hash of what resolution in *other* files can depend on; bodies and lines are left out."""
    defs = [(d[0], d[1], d[2], d[7], d[9]) for d in rec.defs]
    # Capture order is not document order and can shuffle when code moves: compare sorted.
    binds = sorted(
        b[:4] for b in rec.binds if b[0] == -1 or rec.defs[b[0]][0] == "c" or "." in b[1]
    )
    imports = sorted(repr(i[0:1] + i[2:]) for i in rec.imports)
    # callers elsewhere resolve through these; subclasses elsewhere link `self.x()` calls
    args = (rec.returns, rec.param_calls, flow.self_calls(rec))
    data = repr((defs, sorted(rec.params, key=repr), imports, binds, rec.all_names, args))
    return hashlib.blake2b(data.encode("utf-8", "replace"), digest_size=12).hexdigest()
