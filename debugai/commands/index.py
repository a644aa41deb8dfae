"""`debugai index [PATH]`: build or refresh a repository's index and summarise it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from debugai.cli_app import app, console, err_console, guard, repo_root
from debugai.terminal import index_progress

# Below this many files to parse, a progress bar would only flicker.
PROGRESS_MIN_FILES = 200
SHOWN_WARNINGS = 5


@app.command()
@guard
def index(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Repository folder to index [default: the project root at or above the "
            "current directory]",
            show_default=False,
        ),
    ] = None,
    include: Annotated[
        list[str] | None, typer.Option("--include", help="Only these paths (glob; repeatable).")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Skip these paths (glob; repeatable).")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Ignore and do not write the cache.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every warning.")] = False,
) -> None:
    """Index a repository into its call/import graph (cached under .debugai/)."""
    from debugai.agent.pipeline import index_options
    from debugai.config import load_config
    from debugai.indexers import build_index

    root = repo_root(path, flag="")
    options = index_options(
        root,
        load_config(root),
        cache=not no_cache,
        include=include or (),
        exclude=exclude or (),
    )
    with index_progress(err_console, min_files=PROGRESS_MIN_FILES) as progress:
        idx = build_index(root, options, progress=progress)
    s = idx.stats
    out = console.print
    out(f"indexed {idx.root}", markup=False, soft_wrap=True)
    out(f"files: {s.files} ({s.parsed} parsed, {s.files - s.parsed} from cache)", markup=False)
    out(f"symbols: {s.symbols}, edges: {s.edges}", markup=False)
    out(
        f"calls: {s.calls_total} ({s.calls_resolved} resolved in the repo, {s.calls_external} "
        f"external or builtin): {s.resolved_share:.0%} of in-repo calls resolved",
        markup=False,
        soft_wrap=True,
    )
    out(f"errors: {s.errors}, warnings: {len(s.warnings)}, time: {s.seconds:.2f}s", markup=False)
    shown = s.warnings if verbose else s.warnings[:SHOWN_WARNINGS]
    for w in shown:
        err_console.print(f"warning: {w}", markup=False, soft_wrap=True)
    if len(shown) < len(s.warnings):
        err_console.print(f"... {len(s.warnings) - len(shown)} more (use --verbose)")
