"""Calls of `self.x()` in a class that binds `x` nowhere in its method resolution order: only a
subclass can give `x` a value (`self.child = self.func2` in B.__init__, or a method `child` of
B), so each in-repo subclass that binds `x` itself makes an edge from the base's method to what
`x` is there. The edge is linked with the subclass's file, which imports the base (and the
base's interface hash covers these calls, see extract.interface_hash)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from debugai.indexers.names import ModInfo, is_static

if TYPE_CHECKING:
    from debugai.indexers.resolve import Resolver

# Classes that define these may answer any attribute: nothing is open in them.
_DYNAMIC = ("__getattr__", "__getattribute__")

# (caller id, attribute, line, end line, call text)
OpenCall = tuple[str, str, int, int, str]


def _by_class(info: ModInfo) -> dict[int, list[tuple[int, int, int, str, str]]]:
    """class index -> (method scope, line, end line, text, attribute) of its `self.x()` calls."""
    out: dict[int, list[tuple[int, int, int, str, str]]] = {}
    defs = info.rec.defs
    prefix: dict[int, str] = {}  # method -> "self."
    for scope, first in info.first_param.items():
        d = defs[scope]
        parent = d[2]
        if parent >= 0 and d[0] == "f" and defs[parent][0] == "c" and not is_static(d):
            prefix[scope] = first + "."
    if not prefix:
        return out
    for scope, line, end, text in info.rec.calls:
        pre = prefix.get(scope)
        if pre is not None and text.startswith(pre):
            name = text[len(pre) :]
            if name.isidentifier():
                out.setdefault(defs[scope][2], []).append((scope, line, end, text, name))
    return out


def binds_name(resolver: Resolver, cid: str, name: str) -> bool:
    """Whether class `cid` itself binds `name` (a member, a class-level or an instance binding)."""
    found = resolver.sym(cid)
    if found is None:
        return True
    info, idx = found
    return (
        name in info.children.get(idx, {})
        or name in info.binds.get(idx, {})
        or name in info.attrs.get(idx, {})
    )


def open_calls(resolver: Resolver, cid: str, memo: dict[str, list[OpenCall]]) -> list[OpenCall]:
    """The `self.x()` calls of class `cid` whose `x` no class of its MRO binds."""
    hit = memo.get(cid)
    if hit is not None:
        return hit
    out: list[OpenCall] = []
    memo[cid] = out
    found = resolver.sym(cid)
    if found is None:
        return out
    info, idx = found
    order, external = resolver.mro(cid)
    if external or any(binds_name(resolver, c, n) for c in order for n in _DYNAMIC):
        return out
    mine = info.self_calls.get(idx) if info.self_calls is not None else None
    if mine is None:
        info.self_calls = _by_class(info)
        mine = info.self_calls.get(idx)
    for scope, line, end, text, name in mine or ():
        if not any(binds_name(resolver, c, name) for c in order):
            out.append((info.ids[scope], name, line, end, text))
    return out


def subclass_edges(
    resolver: Resolver, info: ModInfo, memo: dict[str, list[OpenCall]]
) -> list[tuple[Any, ...]]:
    """Edges from the in-repo bases' open `self.x()` calls to what this file's classes bind."""
    out: list[tuple[Any, ...]] = []
    for i, d in enumerate(info.rec.defs):
        if d[0] != "c" or not d[9]:
            continue
        cid = info.ids[i]
        order, _external = resolver.mro(cid)
        for base in order[1:]:
            for caller, name, line, end, text in open_calls(resolver, base, memo):
                if not binds_name(resolver, cid, name):
                    continue  # the class of the MRO that binds it makes the edge
                target = resolver.call_target(resolver.class_attr(cid, name, instance=True))
                if target is not None and target[0] == "sym":
                    out.append((caller, target[1], line, end, text))
    return out
