"""Console entry point. Commands turn user errors into one line (see cli_app.guard); anything
else reaching here is a bug, reported in one line unless DEBUGAI_DEBUG=1."""

from __future__ import annotations

import sys

import typer

from debugai.cli_app import app, plain_help
from debugai.commands import register_all
from debugai.errors import ExitCode
from debugai.terminal import closed_pipe

register_all()


def main() -> None:
    try:
        plain_help(typer.main.get_command(app))(prog_name="debugai")
    except KeyboardInterrupt:
        print("debugai: interrupted", file=sys.stderr)
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        closed_pipe()
        sys.exit(ExitCode.BROKEN_PIPE)
    except Exception as exc:
        from debugai.config import debug_enabled

        if debug_enabled():
            raise
        print(
            f"debugai: internal error: {type(exc).__name__}: {exc} "
            "(set DEBUGAI_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        sys.exit(ExitCode.INTERNAL)
