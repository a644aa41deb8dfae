"""`debugai config`: the effective configuration, keys masked, with where each value came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from debugai.cli_app import app, console, err_console, guard


@app.command("config")
@guard
def show_config(
    repo: Annotated[
        Path, typer.Option("--repo", help="repository whose pyproject.toml [tool.debugai] applies")
    ] = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of a table")] = False,
) -> None:
    """Print the effective config (env < pyproject.toml [tool.debugai] < flags), keys masked."""
    from rich.table import Table

    from debugai.config import load_config

    cfg = load_config(repo)
    data = cfg.masked()
    if as_json:
        console.print_json(
            json.dumps({"config": data, "sources": cfg.sources, "warnings": list(cfg.warnings)})
        )
        return
    table = Table(show_header=True, header_style="bold", box=None)
    table.add_column("setting")
    table.add_column("value")
    table.add_column("from")
    for name, value in data.items():
        shown = (
            json.dumps(value)
            if isinstance(value, (dict, list))
            else ("" if value is None else str(value))
        )
        if name == "prices":
            shown = (
                ", ".join(f"{m} {p['input']}/{p['output']}" for m, p in value.items())
                + " (USD per 1M in/out)"
            )
        table.add_row(name, shown, cfg.sources.get(name, "default"))
    console.print(table)
    for warning in cfg.warnings:
        err_console.print(f"debugai: warning: {warning}", markup=False)
