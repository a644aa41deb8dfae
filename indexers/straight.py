"""Straight-line bindings: in a scope body that runs top to bottom, the binding that last ran
before a call decides what the call's head name is, where the flow-insensitive resolver would
see disagreeing bindings and give up (`a = b = f1; b(); a = b = f2; a()`, `d["k"] = g` after
`d = {"k": f}`). Only when the call and every binding of the name lie on lines the extractor
marked as run straight through (indexers/flow.py straight_line_spans), the name is never declared
`global`/`nonlocal` in the module and no star import could rebind it; otherwise the answer is the
resolver's usual one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from debugai.indexers.classes import UNKNOWN, Value
from debugai.indexers.names import ModInfo, split_chain
from debugai.indexers.valueflow import PSEUDO_HEAD, table_scope

# (line, kind "def"|"imp"|"bind"|"param", payload...)
Row = tuple[Any, ...]


class StraightLine:
    """Mixed into Resolver (see resolve.py), which supplies the lookups declared below."""

    _straight: dict[str, tuple[dict[int, list[tuple[int, int]]], dict[tuple[int, str], list[Row]]]]
    _straight_scopes: dict[str, frozenset[int]]

    if TYPE_CHECKING:

        def expr(self, info: ModInfo, scope: int, text: str) -> Value | None: ...
        def bind_value(self, info: ModInfo, scope: int, kind: str, value: str) -> Value | None: ...
        def import_value(self, info: ModInfo, imp: tuple[Any, ...]) -> Value | None: ...
        def param_value(
            self, info: ModInfo, scope: int, name: str, param: tuple[int, str | None]
        ) -> Value: ...
        def attr(self, value: Value, name: str) -> Value | None: ...
        def call_result(self, value: Value | None) -> Value | None: ...
        def follow(self, value: Value | None, rest: Sequence[tuple[str, bool]]) -> Value | None: ...

    def _straight_facts(
        self, info: ModInfo
    ) -> tuple[dict[int, list[tuple[int, int]]], dict[tuple[int, str], list[Row]]]:
        facts = self._straight.get(info.module)
        if facts is not None:
            return facts
        spans: dict[int, list[tuple[int, int]]] = {}
        for scope, start, end in info.rec.spans:
            rows = spans.setdefault(scope, [])
            if start:
                rows.append((start, end))
        rows_of: dict[tuple[int, str], list[Row]] = {}
        if spans:
            rec = info.rec
            declared = {name for _scope, name in rec.globals}
            starred = {imp[0] for imp in rec.imports if imp[4] == "*"}
            for scope, target, kind, value, line in rec.binds:
                if scope in spans and "." not in target:
                    rows_of.setdefault((scope, target), []).append((line, "bind", kind, value))
            for i, d in enumerate(rec.defs):
                if d[2] in spans:
                    rows_of.setdefault((d[2], d[1]), []).append((d[3], "def", i))
            for scope, names in info.import_names.items():
                if scope in spans:
                    for name, imps in names.items():
                        for imp in imps:
                            rows_of.setdefault((scope, name), []).append((imp[1], "imp", imp))
            for scope, name in list(rows_of):
                if scope >= 0:
                    param = info.params_of(scope).get(name)
                    if param is not None:
                        rows_of[(scope, name)].append((0, "param", name, param))
            for key in list(rows_of):
                head = key[1].split("[", 1)[0]
                if len(rows_of[key]) < 2 or head in declared or key[0] in starred:
                    del rows_of[key]
        facts = self._straight[info.module] = (spans, rows_of)
        self._straight_scopes[info.module] = frozenset(key[0] for key in rows_of)
        return facts

    def line_sensitive(self, info: ModInfo, scope: int, text: str) -> bool:
        """True when the call `text` at some line of `scope` may be decided by expr_at."""
        scopes = self._straight_scopes.get(info.module)
        if scopes is None:
            self._straight_facts(info)
            scopes = self._straight_scopes[info.module]
        if scope not in scopes:
            return False
        return (scope, _head(text)) in self._straight[info.module][1]

    def expr_at(self, info: ModInfo, scope: int, text: str, line: int) -> Value | None:
        """expr(), with the head name decided by the straight-line binding reaching `line`."""
        head = _head(text)
        if "[" in head:
            if table_scope(info, scope, head.split("[", 1)[0]) != scope:
                return self.expr(info, scope, text)
            rest = "_" + text[len(head) :]
        else:
            rest = text
        chain = split_chain(rest)
        if chain is None or chain[0][0] == "super":
            return self.expr(info, scope, text)
        decided, value = self.reaching(info, scope, head, line)
        if not decided:
            return self.expr(info, scope, text)
        if chain[0][1]:
            value = self.call_result(value)
        return self.follow(value, chain[1:])

    def reaching(
        self, info: ModInfo, scope: int, name: str, line: int
    ) -> tuple[bool, Value | None]:
        """(decided, value): the binding of `name` in `scope` that last ran before `line`."""
        spans, rows_of = self._straight_facts(info)
        rows = rows_of.get((scope, name))
        opaque = spans.get(scope)
        if rows is None or opaque is None:
            return False, None

        def straight(at: int) -> bool:
            return not any(a <= at <= b for a, b in opaque)

        if not straight(line) or not all(r[0] == 0 or straight(r[0]) for r in rows):
            return False, None
        before = [r for r in rows if r[0] < line]
        if not before:
            return False, None
        last = max(r[0] for r in before)
        values = {self._row_value(info, scope, r) for r in before if r[0] == last}
        if len(values) != 1:
            return True, None
        value = values.pop()
        return True, None if value == UNKNOWN else value

    def _row_value(self, info: ModInfo, scope: int, row: Row) -> Value | None:
        how = row[1]
        if how == "def":
            return ("sym", info.ids[row[2]])
        if how == "imp":
            return self.import_value(info, row[2]) or UNKNOWN
        if how == "param":
            return self.param_value(info, scope, row[2], row[3])
        kind, value = row[2], row[3]
        if kind == "none":
            return UNKNOWN
        return self.bind_value(info, scope, kind, value)


def _head(text: str) -> str:
    """`a.b()` -> `a`; `d['k'][0]()` -> `d['k'][0]`; a lambda's name is not a head here."""
    if "[" in text:
        m = PSEUDO_HEAD.match(text)
        return m.group(0) if m is not None and m.group(0)[0] != "<" else ""
    end = len(text)
    for stop in ".(":
        i = text.find(stop)
        if i != -1:
            end = min(end, i)
    return text[:end]
