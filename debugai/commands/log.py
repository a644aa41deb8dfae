"""`debugai log show [N]`: the last runs (explain and chat), from the run log under the cache dir."""

from __future__ import annotations

import json
import time
from typing import Annotated, Any

import typer

from debugai.cli_app import app, console, guard
from debugai.errors import UsageError

log_app = typer.Typer(
    help="Inspect the log of runs: explain and chat (kept under the cache dir).",
    no_args_is_help=True,
)
app.add_typer(log_app, name="log")


@log_app.command("show")
@guard
def show(
    n: Annotated[int, typer.Argument(help="how many of the latest runs", min=1)] = 10,
    run: Annotated[
        str | None, typer.Option("--run", help="show one run in full, by id (prefix)")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="print the records as JSON lines")
    ] = False,
) -> None:
    """List the latest runs, or one run in full with --run ID (trace, requests, responses, diagnosis)."""
    from rich.table import Table

    from debugai.agent.runlog import find_run, read_runs, runlog_path
    from debugai.config import load_config

    cache_dir = load_config(None).cache_dir
    if run is not None:
        record = find_run(cache_dir, run)
        if record is None:
            raise UsageError(f"no run with id {run!r} in {runlog_path(cache_dir)}")
        console.print_json(json.dumps(record, ensure_ascii=False))
        return
    runs = read_runs(cache_dir, last=n)
    if as_json:
        for record in runs:
            console.print(
                json.dumps(record, ensure_ascii=False),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        return
    if not runs:
        console.print(f"no runs logged yet ({runlog_path(cache_dir)})", markup=False)
        return
    table = Table(box=None, header_style="bold")
    for col in ("id", "when", "engine", "model", "outcome", "root cause", "tokens", "s"):
        table.add_column(col)
    for record in runs:
        table.add_row(*_row(record))
    console.print(table)


def _row(record: dict[str, Any]) -> list[str]:
    diag = record.get("diagnosis") or {}
    rc = diag.get("root_cause") or {}
    usage = diag.get("usage") or {}
    where = f"{rc.get('file')}:{rc.get('line')}" if rc else "-"
    tokens = (
        f"{usage.get('prompt_tokens', 0)}+{usage.get('completion_tokens', 0)}" if usage else "-"
    )
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(float(record.get("started") or 0)))
    return [
        str(record.get("id", "")),
        when,
        str(record.get("engine", "")),
        str(record.get("model", "")),
        str(record.get("outcome", "")),
        where,
        tokens,
        f"{usage.get('seconds', 0):.1f}" if usage else "-",
    ]


@log_app.command("replay")
@guard
def replay(
    run: Annotated[str, typer.Argument(help="run id (a prefix is enough)")],
    repo: Annotated[
        str | None, typer.Option(help="repository (default: the one the run was made in)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the diagnosis as JSON")] = False,
) -> None:
    """Re-run a logged run offline: a model run answered with its logged responses, a static
    run explained again."""
    from pathlib import Path

    from debugai.agent.llm.engine import LLMEngine
    from debugai.agent.llm.replay import ReplayModel
    from debugai.agent.render import render_json
    from debugai.agent.runlog import find_run, runlog_path
    from debugai.api import explain
    from debugai.config import load_config

    config = load_config(None)
    record = find_run(config.cache_dir, run)
    if record is None:
        raise UsageError(f"no run with id {run!r} in {runlog_path(config.cache_dir)}")
    root = Path(repo or record.get("repo") or ".")
    kind = record.get("engine")
    if kind == "chat":
        raise UsageError(
            f"run {record.get('id')} is a chat turn; replay it in Python with "
            "ChatSession(repo, config, model=ReplayModel(record))"
        )
    model = ReplayModel(record)
    diag = explain(
        str(record.get("trace_text") or ""),
        root,
        engine="static" if kind == "static" else LLMEngine(model, load_config(root)),
        config=load_config(root),
    )
    if as_json:
        print(render_json(diag))
        return
    rc = diag.root_cause
    where = f"{rc.file}:{rc.line} {rc.symbol or ''}".strip() if rc else "no root cause"
    console.print(f"replayed run {record.get('id')}: {where}", markup=False)
    if kind == "static":
        console.print("explained again by the static engine", markup=False)
    elif model.mismatches:
        console.print(
            f"{model.mismatches} request(s) differ from the logged ones "
            "(prompts or code changed since the run)",
            markup=False,
        )
    else:
        console.print("every request matched the logged one", markup=False)
