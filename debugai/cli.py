"""Console entry point. Commands turn user errors into one line (see cli_app.guard); anything
else reaching here is a bug, reported in one line unless DEBUGAI_DEBUG=1."""

from __future__ import annotations

import sys

from debugai.cli_app import app
from debugai.commands import register_all
from debugai.config import debug_enabled

register_all()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("debugai: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        if debug_enabled():
            raise
        print(
            f"debugai: internal error: {type(exc).__name__}: {exc} "
            "(set DEBUGAI_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
