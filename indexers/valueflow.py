"""Value flow for the resolver: what an unannotated function returns, entries of literal
dispatch tables (`d['k']`, `lst[0]`, see indexers/flow.py), and the call edges made when a
function reference is passed to a function that calls that parameter. Every answer is a single
agreed value or nothing: disagreeing returns or bindings give no edge rather than a guess."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from debugai.indexers.classes import UNKNOWN, Value
from debugai.indexers.names import ModInfo, is_classmethod, is_static

# A head the chain parser cannot read: a lambda's name or a name subscripted by literal keys.
PSEUDO_HEAD = re.compile(r"<lambda\d+>|[A-Za-z_]\w*(?:\[[^\[\]]*\])+")


class ValueFlow:
    """The value-flow half of Resolver (see resolve.py); it supplies the lookups declared below."""

    _busy: set[Any]
    cuts: int
    _return_memo: dict[str, Value | None]
    _deco_memo: dict[str, tuple[str, list[tuple[str, str]]]]

    if TYPE_CHECKING:

        def sym(self, sid: str) -> tuple[ModInfo, int] | None: ...
        def expr(self, info: ModInfo, scope: int, text: str) -> Value | None: ...
        def scope_binding(self, info: ModInfo, scope: int, name: str) -> Value | None: ...
        def bind_value(self, info: ModInfo, scope: int, kind: str, value: str) -> Value | None: ...
        def module_attr(self, module: str, name: str) -> Value | None: ...
        def call_target(self, value: Value | None) -> Value | None: ...
        def call_result(self, value: Value | None) -> Value | None: ...
        def class_attr(
            self, cid: str, name: str, *, instance: bool, skip_self: bool = False
        ) -> Value | None: ...

    def returned(self, sid: str) -> Value | None:
        """The one value every valued `return` of function `sid` agrees on, else None."""
        if sid in self._return_memo:
            return self._return_memo[sid]
        key = ("ret", sid)
        if key in self._busy:
            self.cuts += 1
            return None
        self._busy.add(key)
        before = self.cuts
        value: Value | None = None
        try:
            found = self.sym(sid)
            if found is not None:
                info, idx = found
                rows = info.returns.get(idx, ())
                if any(kind == "other" for kind, _val in rows):
                    rows = []  # some return is a value not followed: never agree
                for kind, val in rows:  # stop at the first row that cannot agree
                    v = self.bind_value(info, idx, kind, val)
                    if v is None or v == UNKNOWN or (value is not None and v != value):
                        value = None
                        break
                    value = v
        finally:
            self._busy.discard(key)
        if self.cuts == before:
            self._return_memo[sid] = value
        return value

    def decorator_chain(self, sid: str) -> tuple[str, list[tuple[str, str]]]:
        """(what calling decorated function `sid` lands in, [(decorator, the function it is
        given)]): applied innermost first, an in-repo decorator that returns its parameter keeps
        the function, one that always returns one nested function replaces it with that. A
        decorator not followed (external, a call, a class, disagreeing returns) ends the chain
        with the function as it stands: no wrapper is guessed."""
        found = self.sym(sid)
        if found is None:
            return sid, []
        info, idx = found
        d = info.rec.defs[idx]
        if d[0] != "f" or not d[7]:
            return sid, []
        memo = self._deco_memo.get(sid)
        if memo is not None:
            return memo
        before = self.cuts
        current = sid
        given: list[tuple[str, str]] = []
        for text in reversed(d[7]):
            if not text or "(" in text:
                break
            dec = self.expr(info, d[2], text)
            if dec is None or dec[0] != "sym" or dec[1] == sid:
                break
            dfound = self.sym(dec[1])
            if dfound is None or dfound[0].rec.defs[dfound[1]][0] != "f":
                break
            dinfo, didx = dfound
            first = [p for p, (pos, _ann) in dinfo.params_of(didx).items() if pos == 0]
            given.append((dec[1], current))
            rows = dinfo.returns.get(didx, [])
            if rows and first and all(r == ("name", first[0]) for r in rows):
                continue  # returns the function it was given
            out = self.returned(dec[1])
            if out is None or out[0] != "sym" or not out[1].startswith(dec[1] + "."):
                break
            if self._wraps(out[1]):
                continue  # `@functools.wraps(fn)` declares the wrapper to stand for fn
            current = out[1]
        if self.cuts == before:
            self._deco_memo[sid] = (current, given)
        return current, given

    def _wraps(self, sid: str) -> bool:
        found = self.sym(sid)
        if found is None:
            return False
        info, idx = found
        d = info.rec.defs[idx]
        for text in d[7]:
            head = text.split("(", 1)[0]
            if head and self.expr(info, d[2], head) == ("ext", "functools.wraps"):
                return True
        return False

    def iter_protocol(self, value: Value | None) -> tuple[list[str], Value | None]:
        """(in-repo `__iter__`/`__next__` a for loop over `value` calls, the item it yields)."""
        if value is None:
            return [], None
        if value[0] == "gen":
            return [], self.returned(value[1])
        if value[0] != "inst":
            return [], None
        called: list[str] = []
        it = self.class_attr(value[1], "__iter__", instance=False)
        if it is None or it[0] != "sym":
            return [], None
        called.append(it[1])
        iterator = self.call_result(it)
        if iterator is None or iterator[0] != "inst":
            return called, None
        nxt = self.class_attr(iterator[1], "__next__", instance=False)
        if nxt is None or nxt[0] != "sym":
            return called, None
        called.append(nxt[1])
        return called, self.call_result(nxt)

    def iter_item(self, value: Value | None) -> Value | None:
        item = self.iter_protocol(value)[1]
        return None if item == UNKNOWN else item

    def table_entry(self, info: ModInfo, scope: int, name: str) -> Value | None:
        """`d['k']`: the entry bound where `d` itself is bound, if `d` is only ever a literal."""
        s = table_scope(info, scope, name.split("[", 1)[0])
        if s is None or name not in info.binds.get(s, {}):
            return None
        value = self.scope_binding(info, s, name)
        return None if value == UNKNOWN else value

    def dispatch_targets(self, info: ModInfo, scope: int, text: str) -> list[str]:
        """`HANDLERS[kind]()` on a dict literal keyed by strings: each entry it may call."""
        m = _DISPATCH.match(text)
        if m is None:
            return []
        head = m.group(1)
        s = table_scope(info, scope, head)
        if s is None:
            return []
        binds = info.binds.get(s, {})
        if any(value != "dict" for _kind, value in binds.get(head, ())):
            return []
        prefix = f"{head}['"
        out: list[str] = []
        for name in binds:
            if name.startswith(prefix) and name.count("[") == 1:
                target = self.call_target(self.scope_binding(info, s, name))
                if target is not None and target[0] == "sym" and target[1] not in out:
                    out.append(target[1])
        return sorted(out)


_DISPATCH = re.compile(r"([A-Za-z_]\w*)\[[^\[\]\'\"]+\]\Z")  # a computed key: `d[kind]`


def table_scope(info: ModInfo, scope: int, head: str) -> int | None:
    """The scope binding the table `head` seen from `scope`, if it is only ever a literal there
    and never written under a computed key; None otherwise."""
    s = scope
    defs = info.rec.defs
    found = -1
    while s >= 0:
        d = defs[s]
        if d[0] == "f" or s == scope:
            if head in info.globals.get(s, ()):
                break
            if head in info.bound(s):
                found = s
                break
        s = d[2]
    if found == -1 and head not in info.bound(-1):
        return None
    binds = info.binds.get(found, {})
    if any(kind != "lit" for kind, _v in binds.get(head, ())) or f"{head}[?]" in binds:
        return None  # rebound to something else, or written under a computed key
    if head in info.children.get(found, {}) or head in info.import_names.get(found, {}):
        return None
    if found >= 0 and head in info.params_of(found):
        return None
    return found


def param_name(info: ModInfo, idx: int, slot: int | str, shift: int) -> str | None:
    for pname, (pos, _ann) in info.params_of(idx).items():
        if (isinstance(slot, str) and pname == slot) or (
            isinstance(slot, int) and pos == slot + shift
        ):
            return pname if info.stars.get((idx, pname), "") == "" else None
    return None


# Builtins that call the function they are given: map/filter any positional one, the rest `key`.
CALLS_ARGUMENT = {"map": None, "filter": None, "sorted": "key", "min": "key", "max": "key"}


def argument_edges(
    resolver: Any, info: ModInfo, resolved: dict[tuple[int, str], tuple[str | None, bool]]
) -> list[tuple[Any, ...]]:
    """Edges from the function that calls its parameter to the function passed for it:
    `run(handler)` where `def run(cb): cb()` is the edge run -> handler; also for parameters
    called in closures (`def dec(f): def inner(): f()`, edge dec.inner -> f's argument)."""
    out: list[tuple[Any, ...]] = []
    callees: dict[tuple[int, str], tuple[Value | None, int]] = {}
    for scope, line, callee, slot, ref in info.rec.args:
        key = (scope, callee)
        known = resolved.get(key)  # what the call itself resolved to, when it is one
        if known is not None and known[0] is not None:
            found = resolver.sym(known[0])
            if found is None or not found[0].param_calls.get(found[1]):
                continue  # lands where no parameter is called (or outside the repo)
        elif known is not None and not known[1]:
            continue  # unresolved
        hit = callees.get(key)
        if hit is None:
            hit = callees[key] = callee_of(resolver, info, scope, callee)
        target, shift = hit
        if target is not None and target[0] == "builtin":
            want = CALLS_ARGUMENT.get(target[1], "")
            if (want is None and isinstance(slot, int)) or want == slot:
                value = resolver.call_target(resolver.expr(info, scope, ref))
                if value is not None and value[0] == "sym":
                    caller = info.ids[scope] if scope >= 0 else info.module
                    out.append((caller, value[1], line, line, f"{callee}({ref})"))
            continue
        if target is None:
            continue
        found = resolver.sym(target[1])
        if found is None:
            continue
        tinfo, idx = found
        callers = tinfo.param_calls.get(idx)
        if not callers:
            continue
        pname = param_name(tinfo, idx, slot, shift)
        if pname is None or pname not in callers:
            continue
        value = _passed(resolver, info, scope, line, ref)
        if value is None or value[0] != "sym":
            continue
        for caller in callers[pname]:
            out.append((tinfo.ids[caller], value[1], line, line, f"{callee}({ref})"))
    return out


def _passed(resolver: Any, info: ModInfo, scope: int, line: int, ref: str) -> Value | None:
    """The function a call argument hands over: a decorated function is its wrapper, except
    to its own innermost decorator (the row `@dec` makes on the decorator's line)."""
    raw: Value | None = resolver.expr(info, scope, ref)
    if raw is not None and raw[0] == "sym":
        found = resolver.sym(raw[1])
        if found is not None:
            d = found[0].rec.defs[found[1]]
            if d[0] == "f" and d[5] and d[5] <= line < d[3] and found[0] is info and d[2] == scope:
                return raw
    passed: Value | None = resolver.call_target(raw)
    return passed


def callee_of(resolver: Any, info: ModInfo, scope: int, text: str) -> tuple[Value | None, int]:
    """(function the call lands in, how many leading parameters the call binds implicitly)."""
    try:
        value = resolver.expr(info, scope, text)
        target = resolver.call_target(value)
    except RecursionError:
        return None, 0
    if target is not None and target[0] == "builtin" and target[1] in CALLS_ARGUMENT:
        return target, 0
    if target is None or target[0] != "sym":
        return None, 0
    found = resolver.sym(target[1])
    if found is None:
        return None, 0
    tinfo, idx = found
    d = tinfo.rec.defs[idx]
    if d[0] != "f":
        return None, 0
    if value is not None and value[0] == "sym" and value[1] != target[1]:
        return target, 1  # a class called: __init__ gets the instance first
    if value is not None and value[0] in ("inst", "bound"):
        return target, 1  # an instance called (__call__), a bound method called
    parent = d[2]
    if parent < 0 or tinfo.rec.defs[parent][0] != "c" or is_static(d):
        return target, 0
    if "." not in text:
        return target, 0
    obj = resolver.expr(info, scope, text.rsplit(".", 1)[0])
    bound = obj is not None and (obj[0] in ("inst", "super") or is_classmethod(d))
    return target, 1 if bound else 0
