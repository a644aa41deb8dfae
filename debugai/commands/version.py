from __future__ import annotations

from debugai import __version__
from debugai.cli_app import app, console, guard


@app.command()
@guard
def version() -> None:
    """Print debugai's version."""
    console.print(f"debugai {__version__}")
