"""Classes for the resolver: method resolution order (C3, cycles cut) and attribute lookup
along it — class members, class-level bindings, instance attributes set in methods."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from debugai.indexers.names import ModInfo, c3

Value = tuple[str, str]
UNKNOWN: Value = ("?", "")  # bound, but to something untracked: stops the outward search


class ClassResolution:
    """The class half of Resolver (see resolve.py); it supplies the lookups declared below."""

    _mro: dict[str, tuple[list[str], list[str]]]
    _attr_memo: dict[tuple[str, str, bool, bool], Value | None]
    _busy: set[Any]
    cuts: int

    if TYPE_CHECKING:

        def sym(self, sid: str) -> tuple[ModInfo, int] | None: ...
        def expr(self, info: ModInfo, scope: int, text: str) -> Value | None: ...
        def kind(self, sid: str) -> str | None: ...
        def scope_binding(self, info: ModInfo, scope: int, name: str) -> Value | None: ...
        def bind_value(self, info: ModInfo, scope: int, kind: str, value: str) -> Value | None: ...

    def mro(self, cid: str) -> tuple[list[str], list[str]]:
        """(in-repo classes in method resolution order, external base names)."""
        if cid in self._mro:
            return self._mro[cid]
        key = ("mro", cid)
        if key in self._busy:
            self.cuts += 1
            return ([cid], ["?"])
        self._busy.add(key)
        before = self.cuts
        try:
            value = self._compute_mro(cid)
        finally:
            self._busy.discard(key)
        if self.cuts == before:
            self._mro[cid] = value
        return value

    def _compute_mro(self, cid: str) -> tuple[list[str], list[str]]:
        found = self.sym(cid)
        if found is None:
            return ([cid], [])
        info, idx = found
        d = info.rec.defs[idx]
        seqs: list[list[str]] = []
        external: list[str] = []
        for base in d[9] or ():
            v = self.expr(info, d[2], base)
            if v is None:
                external.append("?")
            elif v[0] == "sym" and self.kind(v[1]) == "c":
                sub, ext = self.mro(v[1])
                seqs.append(list(sub))
                external.extend(ext)
            elif v[0] == "ext" and v[1] not in ("builtins.object", "object"):
                external.append(v[1])
            elif v[0] == "builtin" and v[1] != "object":
                external.append(f"builtins.{v[1]}")
        return ([cid, *c3([*seqs, [s[0] for s in seqs]])], external)

    def class_attr(
        self, cid: str, name: str, *, instance: bool, skip_self: bool = False
    ) -> Value | None:
        key = (cid, name, instance, skip_self)
        memo = self._attr_memo
        if key in memo:
            return memo[key]
        if key in self._busy:
            self.cuts += 1
            return None
        self._busy.add(key)
        before = self.cuts
        try:
            value = self._class_attr(cid, name, instance, skip_self)
        finally:
            self._busy.discard(key)
        if self.cuts == before:
            memo[key] = value
        return value

    def _class_attr(self, cid: str, name: str, instance: bool, skip_self: bool) -> Value | None:
        order, external = self.mro(cid)
        for c in order[1:] if skip_self else order:
            found = self.sym(c)
            if found is None:
                continue
            info, idx = found
            members = info.children.get(idx, {}).get(name)
            if members:
                return ("sym", info.ids[members[-1]])
            if name in info.binds.get(idx, {}):
                v = self.scope_binding(info, idx, name)
                return None if v in (None, UNKNOWN) else v
            if instance and name in info.attrs.get(idx, {}):
                values = {
                    self.bind_value(info, s, k, v)
                    for k, v, s in info.attrs[idx][name]
                    if k != "none"
                }
                if len(values) == 1:
                    v = values.pop()
                    return None if v in (None, UNKNOWN) else v
                return None
        real = [e for e in external if e != "?"]
        if real and len(real) == len(external):
            return ("ext", f"{real[0]}.{name}")
        return None
