"""`debugai graph ...`: query a repository's call/import graph from the command line."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from debugai.cli_app import console, err_console, graph_app, guard, repo_root
from debugai.errors import NothingFound, SymbolNotFound, UsageError

if TYPE_CHECKING:
    import networkx as nx

    from debugai.indexers import CodeIndex

RepoOption = Annotated[
    Path | None,
    typer.Option(
        "--repo",
        "-r",
        help="Repository folder [default: the project root at or above the current directory]",
        show_default=False,
    ),
]
EXPORT_FORMATS = ("dot", "graphml", "json")


def _open(repo: Path | None) -> CodeIndex:
    from debugai.indexers import build_index
    from debugai.terminal import index_progress

    with index_progress(err_console) as progress:
        return build_index(repo_root(repo), progress=progress)


def _symbol(idx: CodeIndex, name: str) -> str:
    found = idx.resolve_name(name)
    if len(found) == 1:
        return found[0]
    if not found:
        close = idx.close_matches(name)
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        raise SymbolNotFound(f"unknown symbol {name!r}{hint}")
    more = f" (and {len(found) - 8} more)" if len(found) > 8 else ""
    raise SymbolNotFound(f"{name!r} is ambiguous: {', '.join(found[:8])}{more}")


def _repo_file(root: Path, file: str) -> str:
    """FILE as the index names it: a path from the current directory is taken as well."""
    here = (Path.cwd() / file).resolve()
    try:
        if here.is_file():
            return here.relative_to(root.resolve()).as_posix()
    except ValueError:
        pass
    return file


def _where(idx: CodeIndex, sid: str) -> str:
    sym = idx.symbols.get(sid)
    return f"{sym.file}:{sym.line}" if sym else sid


@graph_app.command()
@guard
def callers(
    symbol: Annotated[str, typer.Argument(help="Symbol id or unique suffix (users.get_user).")],
    repo: RepoOption = None,
) -> None:
    """Who calls SYMBOL, with the line of each call."""
    idx = _open(repo)
    sid = _symbol(idx, symbol)
    rows = idx.callers(sid)
    console.print(f"{sid}: {len(rows)} call site(s)", markup=False, soft_wrap=True)
    for caller, line in rows:
        file = idx.symbols[caller].file if caller in idx.symbols else "?"
        console.print(f"  {caller}  {file}:{line}", markup=False, soft_wrap=True)


@graph_app.command()
@guard
def callees(
    symbol: Annotated[str, typer.Argument(help="Symbol id or unique suffix.")],
    repo: RepoOption = None,
) -> None:
    """What SYMBOL calls (resolved calls; unresolved ones listed after)."""
    idx = _open(repo)
    sid = _symbol(idx, symbol)
    rows = idx.callees(sid)
    file = idx.symbols[sid].file
    console.print(f"{sid}: {len(rows)} resolved call(s)", markup=False, soft_wrap=True)
    for callee, line in rows:
        console.print(f"  {file}:{line}  -> {callee}", markup=False, soft_wrap=True)
    missing = [u for u in idx.unresolved if u.caller == sid]
    for u in missing:
        console.print(f"  {file}:{u.line}  ?? {u.text} (unresolved)", markup=False, soft_wrap=True)


@graph_app.command()
@guard
def path(
    source: Annotated[str, typer.Argument(help="From this symbol.")],
    target: Annotated[str, typer.Argument(help="To this symbol.")],
    repo: RepoOption = None,
) -> None:
    """Shortest call/import path from SOURCE to TARGET."""
    idx = _open(repo)
    a, b = _symbol(idx, source), _symbol(idx, target)
    hops = idx.path(a, b)
    if hops is None:
        raise NothingFound(f"no call/import path from {a} to {b}")
    for n, node in enumerate(hops):
        console.print(f"{'  ' * n}{node}  ({_where(idx, node)})", markup=False, soft_wrap=True)


@graph_app.command()
@guard
def show(
    location: Annotated[str, typer.Argument(help="FILE:LINE, e.g. app/users.py:12")],
    repo: RepoOption = None,
) -> None:
    """The symbol at FILE:LINE: span, signature, None paths, calls on that line, callers."""
    m = re.fullmatch(r"(.+):(\d+)", location)
    if m is None:
        raise UsageError(f"expected FILE:LINE, got {location!r}")
    idx = _open(repo)
    file, line = _repo_file(idx.root, m.group(1)), int(m.group(2))
    if idx.module_of(file) is None:
        close = [f for f in idx.files if f.endswith(Path(file).name)][:5]
        hint = f"; indexed files with that name: {', '.join(close)}" if close else ""
        raise SymbolNotFound(f"{file} is not an indexed file{hint}")
    n_lines = len(idx.lines(file))
    if not 1 <= line <= n_lines:
        raise UsageError(f"{file}:{line} is past the end of the file ({n_lines} lines)")
    sym = idx.symbol_at(file, line)
    assert sym is not None
    out = console.print
    out(
        f"{sym.id}  [{sym.kind}]  {sym.file}:{sym.line}-{sym.end_line}",
        markup=False,
        soft_wrap=True,
    )
    if sym.signature:
        out(f"  signature: {sym.signature}", markup=False, soft_wrap=True)
    if sym.decorators:
        out(
            f"  decorators: {', '.join('@' + d for d in sym.decorators)}",
            markup=False,
            soft_wrap=True,
        )
    if sym.doc:
        out(f"  doc: {sym.doc}", markup=False, soft_wrap=True)
    for p in sym.none_paths:
        out(f"  may return None: line {p.line} ({p.reason})", markup=False, soft_wrap=True)
    for callee, text in idx.calls_at(file, line):
        out(f"  line {line} calls {callee}  ({text})", markup=False, soft_wrap=True)
    for caller, cline in idx.callers(sym.id)[:20]:
        out(f"  called from {caller} at line {cline}", markup=False, soft_wrap=True)


def to_dot(g: nx.MultiDiGraph) -> str:
    """Graphviz DOT text (no pydot/pygraphviz needed)."""

    def q(s: object) -> str:
        return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph debugai {", "  node [shape=box, fontsize=10];"]
    for node, data in g.nodes(data=True):
        lines.append(f"  {q(node)} [kind={q(data.get('kind', ''))}];")
    for u, v, data in g.edges(data=True):
        attrs = f"kind={q(data.get('kind', ''))}"
        if "line" in data:
            attrs += f", line={data['line']}"
        lines.append(f"  {q(u)} -> {q(v)} [{attrs}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


@graph_app.command()
@guard
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="dot|graphml|json")] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    repo: RepoOption = None,
) -> None:
    """Export the whole graph (nodes with kind/file/line, typed edges)."""
    import networkx as nx

    if format not in EXPORT_FORMATS:
        raise UsageError(f"unknown format {format!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    g = _open(repo).graph
    if format == "dot":
        text = to_dot(g)
    elif format == "graphml":
        text = "\n".join(nx.generate_graphml(g)) + "\n"
    else:
        text = json.dumps(nx.node_link_data(g, edges="edges"), indent=None) + "\n"
    if output is None:
        sys.stdout.write(text)  # not typer.echo: it swallows a closed pipe (exit 0, not 141)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {g.number_of_nodes()} nodes, {g.number_of_edges()} edges to {output}")
