"""The typer app every command module registers on; kept apart from cli.py to avoid import cycles."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer

from debugai.errors import DebugaiError, ExitCode
from debugai.terminal import closed_pipe, lazy_console

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

# Made on first use, so that `debugai --help` does not import rich's console (typer's own help
# formatter still uses rich to draw the panels).
console = lazy_console()
err_console = lazy_console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


def _print_version(value: bool) -> None:
    if value:
        from debugai import __version__

        typer.echo(f"debugai {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False,
        "--version",
        is_eager=True,
        callback=_print_version,
        help="Print debugai's version and exit.",
    ),
) -> None:
    """Find where a Python crash really comes from: traceback -> call graph -> root cause."""


def plain_help(command: Any) -> Any:
    """Drop typer's `<bool>`/`<str>` type column: a flag shows nothing, a value option a word
    in capitals (`--repo PATH`), as click and most CLIs do. (typer vendors its own click, so the
    parameters are told apart by duck typing.)"""
    for param in command.params:
        _plain(param)
    get_help_option = command.get_help_option

    def help_option(ctx: Any) -> Any:
        option = get_help_option(ctx)
        if option is not None:
            _plain(option)
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        plain_help(sub)
    return command


def _plain(param: Any) -> None:
    if param.param_type_name == "argument":
        shown: str | None = None  # the argument's name already says it
        if param.metavar is None and param.name:
            param.metavar = param.name.upper() + ("..." if param.nargs != 1 else "")
    elif param.metavar is not None:
        shown = param.metavar
    elif getattr(param, "is_flag", False):
        shown = None
    else:
        shown = param.metavar = _value_name(param.bare_type().lower())
    param.display_type_rich = lambda ctx: shown


def _value_name(type_name: str) -> str:
    if "path" in type_name or "file" in type_name:
        return "PATH"
    if type_name.startswith(("int", "list[int")):
        return "N"
    if type_name.startswith("float"):
        return "NUMBER"
    return "TEXT"


def repo_root(repo: Path | None, *, flag: str = "--repo") -> Path:
    """--repo, or the project root found from the current directory (said on stderr when it is
    not the current directory)."""
    from debugai.rootdir import resolve_repo

    root = resolve_repo(repo, flag=flag)
    if root.reason != "--repo" and root.path != Path.cwd().resolve():
        err_console.print(f"debugai: {root.describe()}", markup=False, soft_wrap=True)
    return root.path


def guard(fn: F) -> F:
    """Turn a DebugaiError into one line on stderr and its documented exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = fn(*args, **kwargs)
            sys.stdout.flush()  # a pipe's buffer is written here, so a closed pipe shows here
            return result
        except BrokenPipeError:
            closed_pipe()
            raise typer.Exit(ExitCode.BROKEN_PIPE) from None
        except DebugaiError as exc:
            from debugai.config import debug_enabled  # pydantic: loaded only when needed

            if debug_enabled():
                raise
            err_console.print(f"debugai: error: {exc}", markup=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]
