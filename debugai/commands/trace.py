"""`debugai trace show`: print how a traceback was read and how its frames map onto the repo."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from debugai.cli_app import console, guard, repo_root, trace_app
from debugai.errors import TraceParseError, UsageError
from debugai.terminal import strip_control

if TYPE_CHECKING:
    from rich.text import Text

FORMATS = ("text", "json")
STREAM_ABOVE = 8 << 20
MAX_KEPT = 10_000
SHOW_OTHERS = 10
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "env", "node_modules", "__pycache__",
              ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages",
              "dist-packages", "build", "dist", ".debugai", ".eggs"}  # fmt: skip


def repo_python_files(root: Path) -> list[str]:
    """The repo's .py files as repo-relative POSIX paths (what the indexer would list)."""
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")]
        rel_dir = Path(dirpath).relative_to(root)
        out.extend((rel_dir / f).as_posix() for f in filenames if f.endswith((".py", ".pyw")))
    return sorted(out)


def _load_traces(source: str) -> list[Any]:
    from debugai.agent.traceback import iter_traces, open_lines, parse_all, read_input

    if source != "-":
        try:
            size = os.stat(source).st_size
        except OSError:
            size = 0  # read_input reports the problem in one line
        if size > STREAM_ABOVE:
            traces = []
            for t in iter_traces(open_lines(source)):
                traces.append(t)
                if len(traces) > MAX_KEPT:
                    del traces[0]
            return traces
    return parse_all(read_input(source))


@trace_app.command("show")
@guard
def show(
    source: Annotated[str, typer.Argument(help="Traceback or log file, or - for standard input.")],
    repo: Annotated[Path | None, typer.Option(help="Map the frames onto this repository.")] = None,
    path_map: Annotated[
        list[str] | None,
        typer.Option(
            "--path-map", help="Rewrite a path prefix from where it ran: /app=. (repeatable)"
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text|json")] = "text",
) -> None:
    """Show the exception chain, the frames and the warnings debugai read from a traceback."""
    from debugai.agent.locate import (
        classify,
        locate,
        merge_path_maps,
        parse_path_map,
        path_map_from_config,
    )
    from debugai.agent.traceback import pick_primary

    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
    pairs = [parse_path_map(s) for s in path_map or []]
    if source == "-" and sys.stdin.isatty():
        raise UsageError("no traceback given: pass a file (debugai trace show log.txt) or pipe one")
    if repo is not None:
        repo = repo_root(repo)
    traces = _load_traces(source)
    primary = pick_primary(traces)
    if primary is None:
        raise TraceParseError(
            f"no Python traceback found in {'standard input' if source == '-' else source}"
        )
    report = None
    if repo is not None:
        pairs = merge_path_maps(pairs, path_map_from_config(repo))
        report = locate(primary, repo, repo_python_files(repo), pairs)
    else:
        classify(primary)
    if format == "json":
        payload = {
            "version": 1,
            "primary": next(i for i, t in enumerate(traces) if t is primary),
            "traces": [t.to_dict() for t in traces],
            "locate": None
            if report is None
            else {
                "mapped": report.mapped,
                "ambiguous": [{"file": f, "candidates": c} for f, c in report.ambiguous],
                "stale": [
                    {
                        "file": f.file,
                        "line": f.line,
                        "repo_path": f.repo_path,
                        "repo_line": f.repo_line,
                    }
                    for f in report.stale
                ],
                "warnings": report.warnings,
            },
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    _print_text(traces, primary, report)


def _t(text: object, style: str = "") -> Text:
    """Text from the trace, shown literally: never read as markup, escape sequences gone."""
    from rich.text import Text

    return Text(strip_control(str(text or "")), style=style)


def _first(message: str | None) -> str:
    return message.splitlines()[0] if message else ""


def _print_text(traces: list[Any], primary: Any, report: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console.print
    n = len(traces)
    others = [t for t in traces if t is not primary]
    if len(others) > SHOW_OTHERS:
        out(Text(f"... {len(others) - SHOW_OTHERS} earlier traceback(s) not listed", style="dim"))
    for t in others[-SHOW_OTHERS:]:
        line = Text(f"also found: lines {t.start_line}-{t.end_line} ({t.format}) ", style="dim")
        line.append_text(_t(f"{t.final.type or '?'}: {_first(t.final.message)}", "dim"))
        out(line)
    where = f"lines {primary.start_line}-{primary.end_line}"
    head = Text.assemble(("Primary traceback", "bold"), f" ({primary.format}, {where}")
    if primary.test_id:
        head.append_text(_t(f", test {primary.test_id}"))
    head.append(f"; {n} found)")
    if primary.truncated:
        head.append(" truncated", style="yellow")
    out(head)
    for i, exc in enumerate(primary.chain):
        line = Text(f"  {i + 1}. ")
        line.append_text(_t(exc.type or "<unknown>", "bold red"))
        if exc.message:
            line.append(": ")
            line.append_text(_t(_first(exc.message)))
        out(line)
        if exc.syntax is not None:
            s = exc.syntax
            out(_t(f"     at {s.repo_path or s.file}:{s.line}  {s.text or ''}"))
        for sub in exc.group:
            out(_t(f"     ├ {sub.type}: {_first(sub.message)}"))
        if exc.group_more:
            out(Text(f"     └ and {exc.group_more} more"))
        if exc.relation == "cause":
            out(Text("     was the direct cause of", style="dim"))
        elif exc.relation == "context":
            out(Text("     was being handled when this happened", style="dim"))
    table = Table(title="Frames (outermost first)", title_justify="left", show_lines=False)
    for col in ("#", "kind", "file:line", "function", "source"):
        # Off a terminal nothing is folded: a path cut in two cannot be clicked.
        table.add_column(col, overflow="fold" if console.is_terminal else "ignore")
    k = 0
    for exc in primary.chain:
        for f in exc.frames:
            k += 1
            loc = f"{f.repo_path}:{f.repo_line}" if f.repo_path else f"{f.file}:{f.line}"
            if f.repo_path and f.repo_path != f.file:
                loc += f"  (from {f.file}:{f.line})"
            if f.stale:
                loc += "  [stale]"
            if f.repeated:
                loc += f"  (x{f.repeated + 1})"
            style = "bold green" if f.kind == "repo" else ("dim" if f.kind != "unknown" else "")
            table.add_row(str(k), f.kind, _t(loc), _t(f.function), _t(f.source), style=style)
    out(table)
    warnings = list(primary.warnings) + (report.warnings if report is not None else [])
    if report is not None:
        out(Text(f"{report.mapped} frame(s) mapped onto the repo"))
    for w in warnings:
        out(Text.assemble(("warning:", "yellow"), " ", _t(w)))
