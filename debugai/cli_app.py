"""The typer app every command module registers on; kept apart from cli.py to avoid import cycles."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from debugai.config import debug_enabled
from debugai.errors import DebugaiError

app = typer.Typer(
    name="debugai",
    help="Find where a Python crash really comes from: traceback -> call graph -> root cause.",
    no_args_is_help=True,
    add_completion=False,
    # Locals in a traceback can hold API keys; never print them.
    pretty_exceptions_show_locals=False,
)

graph_app = typer.Typer(help="Query the call/import graph of a repository.", no_args_is_help=True)
trace_app = typer.Typer(help="Inspect how a traceback was read.", no_args_is_help=True)
app.add_typer(graph_app, name="graph")
app.add_typer(trace_app, name="trace")

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

F = TypeVar("F", bound=Callable[..., Any])


def guard(fn: F) -> F:
    """Turn a DebugaiError into one line on stderr and its documented exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DebugaiError as exc:
            if debug_enabled():
                raise
            err_console.print(f"debugai: error: {exc}", markup=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]
