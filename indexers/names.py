"""Per-module lookup tables and the small parsing helpers name resolution needs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from debugai.indexers.extract import FileRecord

if TYPE_CHECKING:
    from debugai.indexers.resolve import Resolver

_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\Z")
_NAME = re.compile(r"[A-Za-z_]\w*")


class ModInfo:
    """One module's record, indexed for lookups."""

    def __init__(self, module: str, path: str, rec: FileRecord, resolver: Resolver) -> None:
        self.module = module
        self.path = path
        self.rec = rec
        self.is_package = path.endswith("__init__.py")
        self._bound: dict[int, set[str]] = {}
        self.ids: list[str] = resolver.def_ids(module, rec)
        self.params: dict[int, dict[str, tuple[int, str | None]]] = {}
        self.first_param: dict[int, str] = {}
        self.stars: dict[tuple[int, str], str] = {}
        for idx, pos, name, ann, star in rec.params:
            self.params.setdefault(idx, {})[name] = (pos, ann)
            if star:
                self.stars[(idx, name)] = star
            if pos == 0:
                self.first_param[idx] = name
        self.children: dict[int, dict[str, list[int]]] = {}
        self.self_calls: dict[int, list[Any]] | None = None  # built by indexers/selfcalls.py
        for i, d in enumerate(rec.defs):
            self.children.setdefault(d[2], {}).setdefault(d[1], []).append(i)
        self.binds: dict[int, dict[str, list[tuple[str, str]]]] = {}
        declared = set(rec.globals)
        self.attrs: dict[int, dict[str, list[tuple[str, str, int]]]] = {}  # class -> self.x binds
        for scope, target, kind, value, _line in rec.binds:
            if "." in target:
                obj, _, attr = target.partition(".")
                cls = self.method_class(scope, obj)
                if cls is not None and "." not in attr:
                    self.attrs.setdefault(cls, {}).setdefault(attr, []).append((kind, value, scope))
                continue
            self.binds.setdefault(scope, {}).setdefault(target, []).append((kind, value))
            if scope >= 0 and (scope, target) in declared:
                # `global x; x = ...` rebinds the module's x (a `nonlocal` one an enclosing
                # function's): the module-level name is no longer known for certain.
                self.binds.setdefault(-1, {}).setdefault(target, []).append(("other", ""))
        self.generator_set = frozenset(rec.generators)
        self.returns: dict[int, list[tuple[str, str]]] = {}
        for idx, kind, value in rec.returns:
            self.returns.setdefault(idx, []).append((kind, value))
        # def index -> parameter -> scopes calling it (the def itself or closures inside it)
        self.param_calls: dict[int, dict[str, list[int]]] = {}
        for scope, idx, name in rec.param_calls:
            self.param_calls.setdefault(idx, {}).setdefault(name, []).append(scope)
        self.imports: dict[int, list[tuple[Any, ...]]] = {}
        for imp in rec.imports:
            self.imports.setdefault(imp[0], []).append(imp)
        self.globals: dict[int, set[str]] = {}
        for scope, name in rec.globals:
            self.globals.setdefault(scope, set()).add(name)
        self.import_names: dict[int, dict[str, list[tuple[Any, ...]]]] = {}
        for imp in rec.imports:
            _s, _l, mod, _lvl, name, alias = imp[:6]
            if name == "*":
                continue
            bound = alias or (name if name is not None else mod.split(".")[0])
            self.import_names.setdefault(imp[0], {}).setdefault(bound, []).append(imp)

    def bound(self, scope: int) -> set[str]:
        """Every name bound directly in this scope (a quick no before the real lookup)."""
        names = self._bound.get(scope)
        if names is None:
            names = set(self.children.get(scope, ()))
            names.update(self.import_names.get(scope, ()))
            names.update(self.binds.get(scope, ()))
            names.update(self.params.get(scope, ()))
            self._bound[scope] = names
        return names

    def method_class(self, scope: int, obj: str) -> int | None:
        """The class whose instance `obj` is inside method `scope` (`self` in `self.x = ...`)."""
        if scope < 0:
            return None
        d = self.rec.defs[scope]
        parent = d[2]
        if d[0] != "f" or parent < 0 or self.rec.defs[parent][0] != "c":
            return None
        return parent if self.first_param.get(scope) == obj and not is_static(d) else None

    def params_of(self, idx: int) -> dict[str, tuple[int, str | None]]:
        return self.params.get(idx, {})


def is_static(d: tuple[Any, ...]) -> bool:
    return "staticmethod" in d[7]


def is_classmethod(d: tuple[Any, ...]) -> bool:
    return "classmethod" in d[7] or d[1] in ("__new__", "__init_subclass__", "__class_getitem__")


@lru_cache(maxsize=1 << 16)
def split_chain(text: str) -> tuple[tuple[str, bool], ...] | None:
    """`a.b(x).c` -> (("a", False), ("b", True), ("c", False)); None for anything fancier.

    `f()()` calls what the call returned: (("f", True), ("", True)).
    """
    if _DOTTED.match(text):
        return tuple((p, False) for p in text.split("."))
    out: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        m = _NAME.match(text, i)
        if m is None:
            return None
        name = m.group(0)
        i = m.end()
        called = False
        while i < n and text[i] == "(":
            end = _close(text, i)
            if end is None:
                return None
            if called:
                out.append((name, True))
                name = ""
            i, called = end, True
        out.append((name, called))
        if i < n:
            if text[i] != ".":
                return None
            i += 1
    return tuple(out) or None


def _close(text: str, i: int) -> int | None:
    """Index just past the bracket that closes the one at `i` (quotes respected)."""
    n = len(text)
    depth, quote = 0, ""
    while i < n:
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


_TYPING_ALIASES = {
    "List": "list", "Dict": "dict", "Set": "set", "FrozenSet": "frozenset", "Tuple": "tuple",
    "DefaultDict": "dict", "OrderedDict": "dict", "Text": "str",
}  # fmt: skip
_BRACKETS = re.compile(r"\[[^\[\]]*\]")


def strip_annotation(ann: str | None) -> str | None:
    """`Optional[Foo]`, `"Foo"`, `Foo | None`, `list[Foo]` -> `Foo` / `list`; None if not one class."""
    if not ann:
        return None
    a = ann.strip().strip("'\"").strip()
    for wrapper in ("Optional[", "typing.Optional[", "Annotated[", "typing.Annotated["):
        if a.startswith(wrapper) and a.endswith("]"):
            a = a[len(wrapper) : -1].split(",")[0].strip()
    # Type arguments do not change which class the value is: `dict[str, int | None]` is a dict.
    while "[" in a:
        reduced = _BRACKETS.sub("", a)
        if reduced == a:
            return None
        a = reduced
    parts = [p.strip() for p in a.split("|") if p.strip() not in ("None", "")]
    if len(parts) != 1:
        return None
    a = parts[0].strip("'\"")
    base = a.rsplit(".", 1)[-1] if a.startswith("typing.") else a
    a = _TYPING_ALIASES.get(base, a)
    return a if _DOTTED.match(a) else None


def c3(seqs: list[list[str]]) -> list[str]:
    seqs = [list(s) for s in seqs if s]
    out: list[str] = []
    while seqs:
        for seq in seqs:
            head = seq[0]
            if not any(head in s[1:] for s in seqs):
                break
        else:
            # Inconsistent hierarchy: fall back to depth-first order without repeats.
            for s in seqs:
                out.extend(x for x in s if x not in out)
            return out
        out.append(head)
        seqs = [[x for x in s if x != head] for s in seqs]
        seqs = [s for s in seqs if s]
    return out


def source_root_alias(path: str, modules: dict[str, str]) -> str | None:
    """`backend/app/users.py` -> `app.users` when `backend/` is a plain folder holding packages."""
    parts = path.split("/")
    for k in range(1, len(parts) - 1):
        folder = "/".join(parts[:k])
        if f"{folder}/__init__.py" in modules:
            return None
        if f"{folder}/{parts[k]}/__init__.py" in modules:
            rest = parts[k:]
            rest[-1] = rest[-1][:-3]
            if rest[-1] == "__init__":
                rest = rest[:-1]
            return ".".join(rest)
    return None
