"""`debugai explain`: the main job, a thin layer over debugai.api.explain."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from debugai.cli_app import app, console, err_console, guard, repo_root
from debugai.errors import UsageError
from debugai.terminal import index_progress, spinner, strip_control

if TYPE_CHECKING:
    from debugai.agent.runtime import RunSpec
    from debugai.config import Config, EngineName

FORMATS = ("text", "markdown", "json", "sarif")


def parse_path_maps(specs: list[str]) -> list[tuple[str, str]]:
    from debugai.agent.locate import parse_path_map

    out = []
    for spec in specs:
        try:
            out.append(parse_path_map(spec))
        except ValueError as exc:
            raise UsageError(f"--path-map {spec!r}: {exc}") from None
    return out


@app.command()
@guard
def explain(
    trace: Annotated[
        str, typer.Argument(help="Traceback file, or - to read standard input.")
    ] = "-",
    repo: Annotated[
        Path | None,
        typer.Option(
            help="Repository the traceback comes from [default: the project root at or above "
            "the current directory: nearest .git, pyproject.toml, setup.cfg...]",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="text|markdown|json|sarif")
    ] = "text",
    engine: Annotated[str, typer.Option(help="auto|static|llm|local")] = "auto",
    budget: Annotated[int, typer.Option(help="Context budget in tokens.")] = 8000,
    path_map: Annotated[
        list[str] | None,
        typer.Option("--path-map", help="Map paths from another machine: /app=. (repeatable)"),
    ] = None,
    show_context: Annotated[
        bool, typer.Option("--show-context", help="Also print the code chosen as context.")
    ] = False,
    model: Annotated[str | None, typer.Option(help="Model name (else DEBUGAI_MODEL).")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible endpoint (else OPENAI_BASE_URL).")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not reuse cached model answers.")
    ] = False,
    no_redact: Annotated[
        bool, typer.Option("--no-redact", help="Send secrets unmasked (not recommended).")
    ] = False,
    dump_request: Annotated[
        Path | None,
        typer.Option(help="Write exactly what would be sent to the model here; send nothing."),
    ] = None,
    run: Annotated[
        str | None,
        typer.Option(
            "--run",
            help="Re-run this command (a pytest selection, a script) in the repo under a tracer "
            "of repo code; what it saw becomes evidence. Nothing runs without it.",
        ),
    ] = None,
    run_timeout: Annotated[
        float, typer.Option("--run-timeout", help="Seconds before the re-run is killed.")
    ] = 300.0,
) -> None:
    """Explain a crash: the root cause first, then the chain of hops to the line that raised."""
    from debugai.agent.pipeline import open_index
    from debugai.agent.traceback import read_input
    from debugai.api import explain as run_explain
    from debugai.config import engine_name, load_config

    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
    if trace == "-" and sys.stdin.isatty():
        raise UsageError("no traceback given: pass a file (debugai explain trace.txt) or pipe one")
    text = read_input(trace)
    chosen = engine_name(engine)
    root = repo_root(repo)
    flags = {
        "model": model,
        "base_url": base_url,
        "dump_request": dump_request,
        "cache": False if no_cache else None,
        "redact": False if no_redact else None,
    }
    config = load_config(root, flags=flags)
    uses_model = uses_a_model(chosen, config)
    if dump_request is not None and not uses_model:
        raise UsageError(
            "--dump-request writes what would be sent to a model, and no model is used here: "
            + (
                "--engine static sends nothing"
                if chosen == "static"
                else "set DEBUGAI_MODEL and OPENAI_BASE_URL (or OPENAI_API_KEY), "
                "or use --engine local"
            )
        )
    if run is not None and not run.strip():
        raise UsageError("--run needs a command, e.g. --run 'pytest tests/test_x.py::test_y'")
    if run_timeout <= 0:
        raise UsageError(f"--run-timeout {run_timeout:g}: give a number of seconds above 0")
    with index_progress(err_console) as progress:
        index = open_index(root, config=config, progress=progress)
    waiting = f"waiting for the model ({config.model or chosen})" if uses_model else "diagnosing"
    if run is not None:
        waiting = f"re-running `{run}`, then {waiting}"
    with spinner(err_console, waiting):
        diag = run_explain(
            text,
            root,
            engine=chosen,
            budget=budget,
            path_map=parse_path_maps(path_map or []),
            config=config,
            index=index,
            run=_run_spec(run, run_timeout),
        )
    if format == "json":
        from debugai.agent.render import render_json

        console.print_json(render_json(diag)) if console.is_terminal else print(render_json(diag))
    elif format == "sarif":
        from debugai.agent.render import render_sarif

        print(json.dumps(render_sarif([diag]), indent=2))
    elif format == "markdown":
        from debugai.agent.render import render_markdown

        # A model's answer may carry terminal escape sequences; they are not Markdown.
        print(strip_control(render_markdown(diag)), end="")
    else:
        from debugai.commands.explain_text import print_text

        print_text(diag, root, show_context=show_context)


def _run_spec(command: str | None, timeout: float) -> RunSpec | None:
    """The re-run asked for, in the user's own environment (read here, in the front end)."""
    if command is None:
        return None
    from debugai.agent.runtime import RunSpec

    return RunSpec(command=command, timeout=timeout, env=dict(os.environ))


def uses_a_model(engine: EngineName, config: Config) -> bool:
    """Whether this run would talk to a model: never with static, always with local, with
    auto or llm when one is configured."""
    return engine != "static" and (engine == "local" or config.model_configured)
