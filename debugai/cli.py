"""Console entry point. Commands turn user errors into one line (see cli_app.guard); anything
else reaching here is a bug, reported in one line unless DEBUGAI_DEBUG=1."""

from __future__ import annotations

import os
import sys

import typer

from debugai.cli_app import app, debug_enabled, plain_help
from debugai.commands import register_all
from debugai.errors import ExitCode

register_all()


def main() -> None:
    try:
        plain_help(typer.main.get_command(app))(prog_name="debugai")
    except KeyboardInterrupt:
        print("debugai: interrupted", file=sys.stderr)
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _closed_pipe()
    except Exception as exc:
        if debug_enabled():
            raise
        print(
            f"debugai: internal error: {type(exc).__name__}: {exc} "
            "(set DEBUGAI_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        sys.exit(ExitCode.INTERNAL)


def _closed_pipe() -> None:
    """`debugai ... | head`: the reader left. Not a bug; exit as a SIGPIPE'd tool would, and
    keep Python from complaining again while flushing stdout at shutdown."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(ExitCode.BROKEN_PIPE)


if __name__ == "__main__":
    main()
