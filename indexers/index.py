"""CodeIndex: the symbols and graph of one repository, with a small query API."""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Collection, Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tree_sitter

from debugai.indexers.alloc import gc_paused
from debugai.indexers.files import as_utf8
from debugai.indexers.model import (
    CALLS,
    CONTAINS,
    IMPORTS,
    Assignment,
    EnvRead,
    FileInfo,
    IndexStats,
    NonePath,
    Symbol,
    Unresolved,
)
from debugai.indexers.parser import parse_source

if TYPE_CHECKING:
    import networkx as nx

    from debugai.indexers.build import IndexOptions, State


def _node_kind(node: str) -> str:
    return (
        "env" if node.startswith("env:") else "external" if node.startswith("ext:") else "unknown"
    )


def build_graph(
    nodes: list[tuple[str, dict[str, Any]]], edges: Iterable[tuple[str, str, dict[str, Any]]]
) -> nx.MultiDiGraph:
    """A MultiDiGraph equal to add_nodes_from + add_edges_from, filled about twice as fast.

    networkx's own adders cost ~4 µs an edge (a quarter-million edges on the standard library);
    filling its adjacency dicts directly (the layout networkx documents for subclasses) halves
    that. tests/test_index_graph.py checks the result equals the public-API construction.
    """
    import networkx as nx  # ~0.1 s to import; an explain that never walks the graph skips it

    g: nx.MultiDiGraph = nx.MultiDiGraph()
    node, succ, pred = g._node, g._succ, g._pred
    if succ is not g._adj:  # a networkx whose layout differs: take the public road
        g.add_nodes_from(nodes)
        for u, v, data in edges:
            for n in (u, v):
                if n not in g:
                    g.add_node(n, kind=_node_kind(n))
            g.add_edge(u, v, **data)
        return g
    for n, attrs in nodes:
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}
    for u, v, data in edges:
        su = succ.get(u)
        if su is None:
            node[u] = {"kind": _node_kind(u)}
            su = succ[u] = {}
            pred[u] = {}
        if v not in succ:
            node[v] = {"kind": _node_kind(v)}
            succ[v] = {}
            pred[v] = {}
        keys = su.get(v)
        if keys is None:
            keys = su[v] = pred[v][u] = {}
        key = len(keys)
        while key in keys:
            key += 1
        keys[key] = data
    return g


# (id, kind, file, line, end_line, decorated line) of a symbol record: what the spans sort on
_ROW_TYPES = {(str, str, str, int, int, int), (str, str, str, int, int, type(None))}
_CALL_TYPES = {(str, str, int, int)}  # caller, callee, first and last line of a call edge


class CodeIndex:
    """Symbols, facts and the call/import graph of a repository (see build_index)."""

    def __init__(
        self,
        root: Path,
        files: dict[str, FileInfo],
        links: dict[str, tuple[Any, ...]],
        stats: IndexStats,
        state: State | None = None,
        options: IndexOptions | None = None,
        previous: CodeIndex | None = None,
        dirty: set[str] | None = None,
    ) -> None:
        self.root = root
        self.files = files
        self.stats = stats
        self._state = state
        self._options = options
        self._links = links
        # Skipped files (binary, too large, unreadable) are listed in files but define no module.
        self._file_module = {p: f.module for p, f in files.items() if f.module}
        self._module_file = {f.module: p for p, f in files.items() if f.module}
        self._lines: dict[str, list[str]] = {}
        self._span_cache: dict[str, list[tuple[int, int, str]]] = {}
        self._out_cache: dict[str, dict[str, list[tuple[str, int]]]] = {}
        if previous is not None and dirty is not None:
            # A refresh: keep the unchanged files' symbols, swap in the changed ones.
            self.symbols: dict[str, Symbol] = dict(previous.symbols)
            for path in dirty:
                old = previous._links.get(path)
                for row in old[0] if old else ():
                    self.symbols.pop(row[0], None)
            for path in sorted(dirty):
                if path in links:
                    self._add_symbols(links[path][0])
        else:
            self.symbols = {}
            for path in sorted(links):
                self._add_symbols(links[path][0])

    def _add_symbols(self, rows: list[tuple[Any, ...]]) -> None:
        symbols = self.symbols
        for row in rows:
            nps = row[9]
            if nps:
                row = (*row[:9], tuple(NonePath(line, reason) for line, reason in nps), row[10])
            symbols[row[0]] = Symbol(*row)

    @cached_property
    def unresolved(self) -> list[Unresolved]:
        """Calls kept as text because their target could not be named without guessing."""
        return [
            Unresolved(c, path, line, text)
            for path in sorted(self._links)
            for c, line, text in self._links[path][3]
        ]

    @cached_property
    def env_reads(self) -> list[EnvRead]:
        return [
            EnvRead(s, path, line, var, how, d)
            for path in sorted(self._links)
            for s, line, var, how, d in self._links[path][4]
        ]

    @cached_property
    def assignments(self) -> list[Assignment]:
        return [
            Assignment(self._links[path][0][0][0], n, path, line, v)
            for path in sorted(self._links)
            for n, line, v in self._links[path][5]
        ]

    # ---- derived structures, built on first use --------------------------------------------
    # Spans, callees and call sites belong to one file each: they are built per file on first
    # use, so a query about a few files never pays for a whole-repo table (callers do, by nature).
    def _spans(self, file: str) -> list[tuple[int, int, str]]:
        cached = self._span_cache.get(file)
        if cached is None:
            rows = self._links[file][0] if file in self._links else ()
            cached = sorted(
                (r[10] or r[4], r[5], r[0]) for r in rows if r[1] not in ("module", "lambda")
            )
            self._span_cache[file] = cached
        return cached

    def _file_out(self, file: str) -> dict[str, list[tuple[str, int]]]:
        cached = self._out_cache.get(file)
        if cached is None:
            cached = {}
            for caller, callee, line, _end, _text in (
                self._links[file][1] if file in self._links else ()
            ):
                cached.setdefault(caller, []).append((callee, line))
            self._out_cache[file] = cached
        return cached

    @cached_property
    def _call_edges(self) -> list[tuple[str, str, int, int, str, str]]:
        out = []
        with gc_paused():
            for path in sorted(self._links):
                for caller, callee, line, end_line, text in self._links[path][1]:
                    out.append((caller, callee, line, end_line, text, path))
        return out

    @cached_property
    def _in(self) -> dict[str, list[tuple[str, int]]]:
        into: dict[str, list[tuple[str, int]]] = {}
        with gc_paused():
            for caller, callee, line, _e, _t, _p in self._call_edges:
                into.setdefault(callee, []).append((caller, line))
        return into

    def _edges(self) -> Iterable[tuple[str, str, dict[str, Any]]]:
        for caller, callee, line, _end, text, _path in self._call_edges:
            yield caller, callee, {"kind": CALLS, "line": line, "text": text}
        for path in sorted(self._links):
            for src, dst, kind, line, text in self._links[path][2]:
                if kind == CONTAINS:
                    yield src, dst, {"kind": kind}
                else:
                    yield src, dst, {"kind": kind, "line": line, "text": text}

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The networkx graph (built on first access: most queries do not need it)."""
        with gc_paused():
            nodes = [
                (s.id, {"kind": s.kind, "file": s.file, "line": s.line, "end_line": s.end_line})
                for s in self.symbols.values()
            ]
            return build_graph(nodes, self._edges())

    def check(self) -> None:
        """Check the shape of every record (raises on the wrong one) without building the tables
        derived from them: those stay per file and lazy, and a warm load of a large repository
        does not pay for them all (0.26 s of the stdlib's 0.41 s when it did)."""
        for link in self._links.values():
            rows, calls, edges, unresolved, env, assigns = link[:6]
            kinds = {(type(r[0]), type(r[1]), type(r[3]), type(r[4]), type(r[5]), type(r[10]))
                     for r in rows}  # fmt: skip
            if not kinds <= _ROW_TYPES:
                raise TypeError(f"symbol records of types {sorted(map(str, kinds - _ROW_TYPES))}")
            if {(type(a), type(b), type(n), type(e)) for a, b, n, e, _t in calls} - _CALL_TYPES:
                raise TypeError("a call edge of the wrong types")
            for records, size in ((edges, 5), (unresolved, 3), (env, 5), (assigns, 3)):
                if {len(r) for r in records} - {size}:
                    raise ValueError(f"records of {size} fields expected")
            if assigns and not rows:
                raise ValueError("assignments in a file with no module record")

    @property
    def n_edges(self) -> int:
        return sum(len(link[1]) + len(link[2]) for link in self._links.values())

    # ---- queries ---------------------------------------------------------------------------
    def symbol_at(self, file: str, line: int) -> Symbol | None:
        """Innermost function/class whose span (decorators included) holds the line, else the module."""
        file = self._rel(file)
        best: str | None = None
        for start, end, sid in self._spans(file):
            if start > line:
                break
            if end >= line:
                best = sid  # later starts are nested deeper
        if best is not None:
            return self.symbols[best]
        module = self._file_module.get(file)
        return self.symbols.get(module) if module else None

    def module_of(self, file: str) -> str | None:
        return self._file_module.get(self._rel(file))

    def file_of(self, module: str) -> str | None:
        return self._module_file.get(module)

    def callers(self, symbol: str) -> list[tuple[str, int]]:
        return sorted(set(self._in.get(symbol, ())))

    def callees(self, symbol: str) -> list[tuple[str, int]]:
        sym = self.symbols.get(symbol)
        if sym is None:
            return []
        return sorted(set(self._file_out(sym.file).get(symbol, ())))

    def calls_at(self, file: str, line: int) -> list[tuple[str, str]]:
        """Resolved (callee id, call text) whose call spans the given line."""
        file = self._rel(file)
        rows = self._links[file][1] if file in self._links else ()
        out = [(callee, text) for _c, callee, start, end, text in rows if start <= line <= end]
        return sorted(set(out))

    def path(self, a: str, b: str) -> list[str] | None:
        """Shortest path from a to b over call and import edges (None when there is none)."""
        if a not in self.symbols and not a.startswith("ext:"):
            return None
        adj = self._path_adjacency
        prev: dict[str, str | None] = {a: None}
        queue = deque([a])
        while queue:
            node = queue.popleft()
            if node == b:
                out = [node]
                while prev[out[-1]] is not None:
                    out.append(prev[out[-1]])  # type: ignore[arg-type]
                return out[::-1]
            for nxt in adj.get(node, ()):
                if nxt not in prev:
                    prev[nxt] = node
                    queue.append(nxt)
        return None

    @cached_property
    def _path_adjacency(self) -> dict[str, list[str]]:
        adj: dict[str, set[str]] = {}
        for caller, callee, *_rest in self._call_edges:
            adj.setdefault(caller, set()).add(callee)
        for link in self._links.values():
            for src, dst, kind, _line, _text in link[2]:
                if kind == IMPORTS:
                    adj.setdefault(src, set()).add(dst)
        return {k: sorted(v) for k, v in adj.items()}

    @cached_property
    def _kind_adjacency(
        self,
    ) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]:
        """(out, in) adjacency with edge kinds: neighbourhood() without building networkx."""
        out: dict[str, list[tuple[str, str]]] = {}
        into: dict[str, list[tuple[str, str]]] = {}
        for path in sorted(self._links):
            link = self._links[path]
            for caller, callee, *_rest in link[1]:
                out.setdefault(caller, []).append((callee, CALLS))
                into.setdefault(callee, []).append((caller, CALLS))
            for src, dst, kind, _line, _text in link[2]:
                out.setdefault(src, []).append((dst, kind))
                into.setdefault(dst, []).append((src, kind))
        return out, into

    def neighbourhood(
        self,
        roots: Iterable[str],
        hops: int = 2,
        kinds: Collection[str] | None = None,
        direction: str = "both",
    ) -> set[str]:
        """Nodes within `hops` edges of the roots, following only edge kinds in `kinds`.

        direction: "out" follows edges forward, "in" backward, "both" either way.
        """
        if direction not in ("out", "in", "both"):
            raise ValueError(f"direction must be out, in or both, not {direction!r}")
        out, into = self._kind_adjacency
        seen = {r for r in roots if r in self.symbols or r in out or r in into}
        frontier = set(seen)
        tables = [t for d, t in (("out", out), ("in", into)) if direction in (d, "both")]
        for _ in range(hops):
            nxt: set[str] = set()
            for node in frontier:
                for table in tables:
                    for other, kind in table.get(node, ()):
                        if kinds is None or kind in kinds:
                            nxt.add(other)
            frontier = nxt - seen
            seen |= frontier
            if not frontier:
                break
        return seen

    def resolve_name(self, name: str) -> list[str]:
        """Exact id, else the ids ending with `.name` (e.g. `get_user`, `users.get_user`)."""
        if name in self.symbols:
            return [name]
        suffix = "." + name
        return sorted(
            s for s in self.symbols if s.endswith(suffix) or s.split("@", 1)[0].endswith(suffix)
        )

    def close_matches(self, name: str, n: int = 5) -> list[str]:
        short = {s.rsplit(".", 1)[-1]: s for s in sorted(self.symbols, reverse=True)}
        found = difflib.get_close_matches(name, list(self.symbols), n=n, cutoff=0.6)
        for m in difflib.get_close_matches(name.rsplit(".", 1)[-1], list(short), n=n, cutoff=0.7):
            if short[m] not in found:
                found.append(short[m])
        return found[:n]

    def lines(self, file: str) -> list[str]:
        """The file's current source lines (decoding errors replaced)."""
        file = self._rel(file)
        if file not in self._lines:
            try:
                data = (self.root / file).read_bytes()
            except OSError:
                return []
            self._lines[file] = as_utf8(data).decode("utf-8", "replace").splitlines()
        return self._lines[file]

    def parse(self, file: str) -> tree_sitter.Tree:
        """A fresh tree-sitter tree of the file's current content."""
        return parse_source(as_utf8((self.root / self._rel(file)).read_bytes()))

    def refresh(self, progress: Any = None) -> CodeIndex:
        """Re-index what changed on disk since this index was built (in memory, then cached)."""
        from debugai.indexers.build import build_index

        return build_index(
            self.root, self._options, progress=progress, _state=self._state, _previous=self
        )

    def _rel(self, file: str) -> str:
        if file.startswith("/"):
            try:
                return Path(file).resolve().relative_to(self.root).as_posix()
            except ValueError:
                return file
        return file[2:] if file.startswith("./") else file

    def __repr__(self) -> str:
        return f"CodeIndex({self.root}, files={len(self.files)}, symbols={len(self.symbols)})"
