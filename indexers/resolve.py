"""Name resolution over extracted records: module namespaces, imports, scopes, classes and MROs.

Values are small tuples: ("mod", module) | ("sym", id) | ("inst", class id) | ("super", class id)
| ("bound", method id: a method of an instance, passed as a value) | ("ext", dotted) | ("exti", dotted: instance of an external class) | ("extr", dotted: result of
calling something external) | ("builtin", name). Anything else is unknown (None): the resolver
answers None rather than guess, and conflicting bindings of one name resolve to None.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from typing import Any

from debugai.indexers.classes import UNKNOWN, ClassResolution, Value
from debugai.indexers.extract import FileRecord
from debugai.indexers.names import (
    ModInfo,
    is_classmethod,
    is_static,
    source_root_alias,
    split_chain,
    strip_annotation,
)
from debugai.indexers.straight import StraightLine
from debugai.indexers.valueflow import PSEUDO_HEAD, ValueFlow

BUILTINS = frozenset(n for n in dir(builtins) if not n.startswith("_"))
BUILTIN_TYPES = frozenset(
    n
    for n in BUILTINS
    if isinstance(getattr(builtins, n), type) and not n.endswith(("Error", "Exception", "Warning"))
)
_UNKNOWN = UNKNOWN


class Resolver(ClassResolution, ValueFlow, StraightLine):
    """Resolves names across all modules of a repo; modules are indexed lazily on first use."""

    def __init__(
        self,
        modules: dict[str, str],
        record: Callable[[str], FileRecord | None],
        package_dirs: dict[str, str] | None = None,
    ) -> None:
        self.mod_path = {m: p for p, m in modules.items()}
        # setuptools package-dir: {"debugai.agent": "agent"} makes agent/x.py `debugai.agent.x`.
        self.package_dirs = sorted(
            (
                (name, folder.strip("/").replace("/", "."))
                for name, folder in (package_dirs or {}).items()
                if name
            ),
            key=lambda kv: -len(kv[0]),
        )
        self.path_mod = dict(modules)
        self.record = record
        self.packages: set[str] = set()
        for m in self.mod_path:
            parts = m.split(".")
            for k in range(1, len(parts)):
                self.packages.add(".".join(parts[:k]))
        # Folders on an implicit sys.path: `backend/app/__init__.py` makes `app` importable.
        self.aliases: dict[str, str | None] = {}
        for p, m in modules.items():
            alias = source_root_alias(p, modules)
            if alias and alias != m and alias not in self.mod_path:
                self.aliases[alias] = None if alias in self.aliases else m
        self._mods: dict[str, ModInfo | None] = {}
        self._module_ns: dict[tuple[str, str], Value | None] = {}
        self._mro: dict[str, tuple[list[str], list[str]]] = {}
        self._sym: dict[str, tuple[ModInfo, int]] = {}
        self._busy: set[Any] = set()
        # Results computed while a cycle was cut depend on where the query started: never memoised,
        # so answers do not depend on the order files are linked in (or on which worker links them).
        self.cuts = 0
        self._scope_memo: dict[tuple[str, int, str], Value | None] = {}
        self._lookup_memo: dict[tuple[str, int, str], Value | None] = {}
        self._attr_memo: dict[tuple[str, str, bool, bool], Value | None] = {}
        self._return_memo: dict[str, Value | None] = {}
        self._deco_memo: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        self._straight: dict[str, Any] = {}
        self._straight_scopes: dict[str, frozenset[int]] = {}
        # What parameters hold when their call sites agree (indexers/paramflow.py). While the
        # facts are provisional, reading a parameter counts as a cut: nothing built on it is kept.
        self.facts: dict[tuple[str, str], Value] = {}
        self.provisional = False
        self.read_keys: set[tuple[str, str]] = set()  # parameters read while provisional
        self.open_memo: dict[str, list[Any]] = {}  # indexers/selfcalls.py

    # ---- modules and ids -------------------------------------------------------------------
    def def_ids(self, module: str, rec: FileRecord) -> list[str]:
        """Qualified ids; a name defined twice in one scope (or shadowing a module) gets `@2`, `@3`.

        An ordinal rather than a line keeps ids stable when code above them moves.
        """
        ids: list[str] = []
        seen: set[str] = set()
        for d in rec.defs:
            base = ids[d[2]] if d[2] >= 0 else module
            qid = f"{base}.{d[1]}"
            if qid in seen or qid in self.mod_path:
                n = 2
                while f"{qid}@{n}" in seen:
                    n += 1
                qid = f"{qid}@{n}"
            seen.add(qid)
            ids.append(qid)
        return ids

    def mod(self, module: str) -> ModInfo | None:
        if module in self._mods:
            return self._mods[module]
        info = None
        path = self.mod_path.get(module)
        if path is not None:
            rec = self.record(path)
            if rec is not None:
                info = ModInfo(module, path, rec, self)
                for i, sid in enumerate(info.ids):
                    self._sym[sid] = (info, i)
        self._mods[module] = info
        return info

    def sym(self, sid: str) -> tuple[ModInfo, int] | None:
        if sid not in self._sym:
            # Symbol ids start with their module's name: index that module first.
            parts = sid.split(".")
            for k in range(len(parts) - 1, 0, -1):
                m = ".".join(parts[:k])
                if m in self.mod_path:
                    self.mod(m)
                    break
        return self._sym.get(sid)

    def is_module(self, name: str) -> bool:
        return name in self.mod_path or name in self.packages

    def module_value(self, dotted: str, importer: ModInfo | None = None) -> Value | None:
        if self.is_module(dotted):
            return ("mod", dotted)
        if importer is not None and "/" in importer.path and not importer.is_package:
            # A script outside any package imports its siblings by bare name.
            folder = importer.path.rsplit("/", 1)[0]
            if not self._is_package_dir(folder):
                sibling = self._path_module(f"{folder}/{dotted.replace('.', '/')}")
                if sibling is not None:
                    return ("mod", sibling)
        head = dotted.split(".")[0]
        alias = self.aliases.get(dotted)
        if alias is None and head in self.aliases and self.aliases[head] is not None:
            root = self.aliases[head]
            assert root is not None
            candidate = root + dotted[len(head) :]
            if self.is_module(candidate):
                alias = candidate
        if alias:
            return ("mod", alias)
        for name, folder in self.package_dirs:
            if dotted == name or dotted.startswith(name + "."):
                mapped = folder + dotted[len(name) :]
                if self.is_module(mapped):
                    return ("mod", mapped)
        if head in self.mod_path and head != dotted:
            # A missing submodule of one of our own regular packages is broken, not external.
            return None
        return ("ext", dotted)

    def _is_package_dir(self, folder: str) -> bool:
        return f"{folder}/__init__.py" in self.path_mod

    def _path_module(self, stem: str) -> str | None:
        return self.path_mod.get(f"{stem}.py") or self.path_mod.get(f"{stem}/__init__.py")

    def absolute(self, info: ModInfo, module: str, level: int) -> str | None:
        if level == 0:
            return module
        package = info.module if info.is_package else info.module.rpartition(".")[0]
        parts = package.split(".") if package else []
        if level - 1 > len(parts):
            return None
        parts = parts[: len(parts) - (level - 1)]
        if module:
            parts.append(module)
        return ".".join(parts) if parts else None

    # ---- namespaces ------------------------------------------------------------------------
    def module_attr(self, module: str, name: str) -> Value | None:
        key = (module, name)
        if key in self._module_ns:
            return self._module_ns[key]
        if key in self._busy:
            self.cuts += 1
            return None
        self._busy.add(key)
        before = self.cuts
        try:
            info = self.mod(module)
            value: Value | None = None
            if info is not None:
                value = self.scope_binding(info, -1, name)
                if value is None:
                    value = self.star_binding(info, name)
            if value is None and self.is_module(f"{module}.{name}"):
                value = ("mod", f"{module}.{name}")
            if value == _UNKNOWN:
                value = None
        finally:
            self._busy.discard(key)
        if self.cuts == before:
            self._module_ns[key] = value
        return value

    def star_binding(self, info: ModInfo, name: str) -> Value | None:
        for imp in info.imports.get(-1, ()):
            if imp[4] != "*":
                continue
            base = self.absolute(info, imp[2], imp[3])
            if base is None:
                continue
            src = self.module_value(base, info)
            if src is None or src[0] != "mod":
                continue
            src_info = self.mod(src[1])
            allowed = src_info.rec.all_names if src_info is not None else None
            if allowed is not None and name not in allowed:
                continue
            if allowed is None and name.startswith("_"):
                continue
            value = self.module_attr(src[1], name)
            if value is not None:
                return value
        return None

    def import_value(self, info: ModInfo, imp: tuple[Any, ...]) -> Value | None:
        _scope, _line, module, level, name, alias = imp[:6]
        if name is None:
            if alias:
                return self.module_value(module, info)
            head = module.split(".")[0]
            return self.module_value(head, info)
        base = self.absolute(info, module, level)
        if base is None:
            return None
        src = self.module_value(base, info) if base else None
        if src is None:
            return None
        if src[0] == "ext":
            return ("ext", f"{src[1]}.{name}")
        value = self.module_attr(src[1], name)
        return value

    def scope_binding(self, info: ModInfo, scope: int, name: str) -> Value | None:
        """What `name` is bound to directly in this scope: a value, _UNKNOWN, or None (unbound)."""
        if name not in info.bound(scope):
            return None
        key = (info.module, scope, name)
        memo = self._scope_memo
        if key in memo:
            return memo[key]
        if key in self._busy:
            self.cuts += 1
            return _UNKNOWN
        self._busy.add(key)
        before = self.cuts
        try:
            value = self._scope_binding(info, scope, name)
        finally:
            self._busy.discard(key)
        if self.cuts == before:
            memo[key] = value
        return value

    def _scope_binding(self, info: ModInfo, scope: int, name: str) -> Value | None:
        found: list[Value | None] = []
        for idx in info.children.get(scope, {}).get(name, ()):
            found.append(("sym", info.ids[idx]))
        for imp in info.import_names.get(scope, {}).get(name, ()):
            found.append(self.import_value(info, imp) or _UNKNOWN)
        for kind, value in info.binds.get(scope, {}).get(name, ()):
            if kind == "none":
                continue
            found.append(self.bind_value(info, scope, kind, value))
        if scope >= 0:
            param = info.params_of(scope).get(name)
            if param is not None:
                found.append(self.param_value(info, scope, name, param))
        if not found:
            return None
        first = found[0]
        if first is None or any(v != first for v in found[1:]):
            return _UNKNOWN
        return first

    def bind_value(self, info: ModInfo, scope: int, kind: str, value: str) -> Value | None:
        if kind == "call":
            return self.call_result(self.expr(info, scope, value))
        if kind == "name":
            return self.expr(info, scope, value) or _UNKNOWN
        if kind == "ann":
            return self.instance_of(info, scope, value) or _UNKNOWN
        if kind == "lit":
            return ("exti", f"builtins.{value}")
        if kind == "iter":
            return self.iter_item(self.expr(info, scope, value)) or _UNKNOWN
        return _UNKNOWN

    def param_value(
        self, info: ModInfo, scope: int, name: str, param: tuple[int, str | None]
    ) -> Value:
        pos, ann = param
        d = info.rec.defs[scope]
        parent = d[2]
        if pos == 0 and parent >= 0 and info.rec.defs[parent][0] == "c" and not is_static(d):
            cid = info.ids[parent]
            return ("sym", cid) if is_classmethod(d) else ("inst", cid)
        if ann:
            return self.instance_of(info, parent, ann) or _UNKNOWN
        key = (info.ids[scope], name)
        if self.provisional:
            self.cuts += 1
            self.read_keys.add(key)
        return self.facts.get(key, _UNKNOWN)

    def instance_of(self, info: ModInfo, scope: int, ann: str) -> Value | None:
        name = strip_annotation(ann)
        if name is None:
            return None
        v = self.expr(info, scope, name)
        if v is None:
            return None
        if v[0] == "sym" and self.kind(v[1]) == "c":
            return ("inst", v[1])
        if v[0] == "ext":
            return ("exti", v[1])
        if v[0] == "builtin" and v[1] in BUILTIN_TYPES:
            return ("exti", f"builtins.{v[1]}")
        return None

    def kind(self, sid: str) -> str | None:
        found = self.sym(sid)
        return found[0].rec.defs[found[1]][0] if found else None

    def lookup(self, info: ModInfo, scope: int, name: str) -> Value | None:
        """Resolve a bare name used in `scope` the way Python's LEGB rule would."""
        key = (info.module, scope, name)
        memo = self._lookup_memo
        if key in memo:
            return memo[key]
        before = self.cuts
        value = self._lookup(info, scope, name)
        if self.cuts == before:
            memo[key] = value
        return value

    def _lookup(self, info: ModInfo, scope: int, name: str) -> Value | None:
        s = scope
        defs = info.rec.defs
        while s >= 0:
            d = defs[s]
            if d[0] == "f" or s == scope:
                if name in info.globals.get(s, ()):
                    break
                v = self.scope_binding(info, s, name)
                if v is not None:
                    return None if v == _UNKNOWN else v
            s = d[2]
        v = self.module_attr(info.module, name)
        if v is not None:
            return v
        if self.scope_binding(info, -1, name) == _UNKNOWN:
            return None
        if name in BUILTINS:
            return ("builtin", name)
        return None

    # ---- expressions -----------------------------------------------------------------------
    def expr(self, info: ModInfo, scope: int, text: str) -> Value | None:
        pseudo = None
        if text[0] == "<" or "[" in text:
            m = PSEUDO_HEAD.match(text)
            if m is None:
                return None
            pseudo = m.group(0)
            text = "_" + text[m.end() :]
        chain = split_chain(text)
        if chain is None:
            return None
        head, called = chain[0]
        value: Value | None
        if pseudo is not None:
            if pseudo[0] == "<":
                value = self.lookup(info, scope, pseudo)
            else:
                value = self.table_entry(info, scope, pseudo)
            if called:
                value = self.call_result(value)
        elif head == "super" and called:
            cls = self.enclosing_class(info, scope)
            value = ("super", cls) if cls else None
        else:
            value = self.lookup(info, scope, head)
            if called:
                value = self.call_result(value)
        return self.follow(value, chain[1:])

    def follow(self, value: Value | None, rest: Sequence[tuple[str, bool]]) -> Value | None:
        """Walk `.name` and `()` steps from a value (None as soon as one is unknown)."""
        for name, called in rest:
            if value is None:
                return None
            if name:
                value = self.attr(value, name)
            if called:
                value = self.call_result(value)
        return value

    def enclosing_class(self, info: ModInfo, scope: int) -> str | None:
        s = scope
        while s >= 0:
            d = info.rec.defs[s]
            if d[0] == "f" and d[2] >= 0 and info.rec.defs[d[2]][0] == "c":
                return str(info.ids[d[2]])
            s = d[2]
        return None

    def attr(self, value: Value, name: str) -> Value | None:
        kind, target = value
        if kind == "mod":
            return self.module_attr(target, name)
        if kind in ("ext", "exti"):
            return ("ext", f"{target}.{name}")
        if kind == "extr":
            return ("ext", f"{target}().{name}")
        if kind == "sym":
            if self.kind(target) == "c":
                return self.class_attr(target, name, instance=False)
            return None
        if kind == "inst":
            return self.class_attr(target, name, instance=True)
        if kind == "super":
            return self.class_attr(target, name, instance=True, skip_self=True)
        return None

    def call_result(self, value: Value | None) -> Value | None:
        if value is None:
            return None
        kind, target = value
        if kind in ("sym", "bound"):
            found = self.sym(target)
            if found is None:
                return None
            info, idx = found
            d = info.rec.defs[idx]
            if d[0] == "c":
                return ("inst", target)
            if d[9]:
                return self.instance_of(info, d[2], d[9])
            return ("gen", target) if idx in info.generator_set else self.returned(target)
        if kind in ("ext", "exti", "extr"):
            return ("extr", target if kind == "ext" else f"{target}()")
        if kind == "builtin" and target in BUILTIN_TYPES:
            return ("exti", f"builtins.{target}")
        return None

    def call_target(self, value: Value | None) -> Value | None:
        """The callable a call on `value` lands in: a class call lands in its `__init__`."""
        if value is None:
            return None
        kind, target = value
        if kind == "sym" and self.kind(target) == "c":
            init = self.class_attr(target, "__init__", instance=False)
            if init is not None and init[0] == "sym":
                return init
            return value
        if kind == "inst":
            call = self.class_attr(target, "__call__", instance=False)
            return call if call is not None and call[0] == "sym" else None
        if kind == "sym":
            wrapped = self.decorator_chain(target)[0]
            return value if wrapped == target else ("sym", wrapped)
        if kind == "bound":  # a bound method is called as it was passed (already unwrapped)
            return ("sym", target)
        if kind in ("ext", "builtin"):
            return value
        if kind in ("exti", "extr"):
            return ("ext", f"{target}()")
        return None


__all__ = ["ModInfo", "Resolver", "Value", "split_chain", "strip_annotation"]
