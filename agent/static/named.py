"""Candidates the failing test names: code in the modules the test is about, by the test's words
(and the symbol tables the ranking looks names up in).

A failing assertion often shows only the test: the call graph from its body stops where the
library dispatches dynamically (`runner.invoke(cli)`, middleware stacks, metaclasses), two or
three hops before the function that is wrong. What the test is about is still written down: its
file is named after a module (`test_gzip.py` → `gzip.py`), it imports modules, and its name
says what it checks (`test_gzip_ignored_on_server_sent_events`). The definitions of those
modules whose qualified names share a word with the test's name become candidates; a small
module's definitions all do. Their features (`name_overlap`, `file_of_test`, ...) decide how
they rank, fitted like every other feature.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from debugai.agent.static.suspects import is_test

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex

SMALL_MODULE = 12  # definitions: a module this small is taken whole
MAX_NAMED = 40  # candidates added this way


def named_by_test(
    index: CodeIndex,
    files: Iterable[str],
    shared: Callable[[str], int],
) -> list[str]:
    """Symbol ids of functions and classes in `files` the test's words name, best first.

    `shared(symbol_id)` counts the test's words in a symbol's qualified name.
    """
    scored: list[tuple[int, str]] = []
    wanted = set(files)
    by_file: dict[str, list[str]] = {}
    for sid, sym in index.symbols.items():
        if sym.file in wanted and sym.kind in ("function", "class"):
            by_file.setdefault(sym.file, []).append(sid)
    for file in sorted(by_file):
        ids = by_file[file]
        for sid in ids:
            n = shared(sid)
            if n or len(ids) <= SMALL_MODULE:
                scored.append((-n, sid))
    scored.sort()
    return [sid for _, sid in scored[:MAX_NAMED]]


_IMPORT = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import\s+([\w, ]+)|import\s+([\w.]+))", re.M)


def imported_files(index: CodeIndex, test_file: str) -> set[str]:
    """Repo files the test file imports (`from pkg.mod import x`, `import pkg.mod`)."""
    out: set[str] = set()
    text = "\n".join(index.lines(test_file))
    for m in _IMPORT.finditer(text):
        mods = [m.group(1) or m.group(3)]
        if m.group(1):  # `from pkg import mod` may name a module
            mods += [f"{m.group(1)}.{n.strip()}" for n in m.group(2).split(",") if n.strip()]
        for mod in mods:
            f = index.file_of(mod)
            if f is not None:
                out.add(f)
    return out


_TABLES: dict[tuple[str, int], dict[str, tuple[str, ...]]] = {}


def _per_index(
    name: str, index: CodeIndex, rows: Callable[[], Iterable[tuple[str, str]]]
) -> dict[str, tuple[str, ...]]:
    """key -> ids built once per index from (key, id) rows; one index at a time is kept, so a
    long-lived chat does not grow this."""
    slot = (name, id(index))
    if slot not in _TABLES:
        out: dict[str, list[str]] = {}
        for key, sid in rows():
            out.setdefault(key, []).append(sid)
        for old in [k for k in _TABLES if k[0] == name]:
            del _TABLES[old]
        _TABLES[slot] = {k: tuple(v) for k, v in out.items()}
    return _TABLES[slot]


def by_name(index: CodeIndex) -> dict[str, tuple[str, ...]]:
    """Name -> ids of the functions and classes outside test code."""
    return _per_index(
        "name",
        index,
        lambda: (
            (sym.name, sid)
            for sid, sym in index.symbols.items()
            if sym.kind in ("function", "class") and not is_test(sym.file)
        ),
    )


def methods_of(index: CodeIndex) -> dict[str, tuple[str, ...]]:
    """Class id -> its own methods (not nested functions)."""

    def rows() -> Iterable[tuple[str, str]]:
        for sid, sym in index.symbols.items():
            owner = index.symbols.get(sid.rsplit(".", 1)[0])
            if sym.kind == "function" and owner is not None and owner.kind == "class":
                yield owner.id, sid

    return _per_index("methods", index, rows)
