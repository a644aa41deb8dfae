"""`debugai chat`: a terminal conversation about a failure (readline input, rich output).

The session logic is debugai.agent.chat.session.ChatSession; the terminal loop is
debugai.commands.chat_terminal.ChatTerminal, imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from debugai.cli_app import app, console, guard, repo_root


@app.command()
@guard
def chat(
    trace: Annotated[
        str | None, typer.Argument(help="Traceback file to start with (or paste one later).")
    ] = None,
    repo: Annotated[
        Path | None,
        typer.Option(
            help="Repository the traceback comes from [default: the project root at or above "
            "the current directory]",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="Model for questions (overrides DEBUGAI_MODEL).")
    ] = None,
    budget: Annotated[int | None, typer.Option(help="Context budget in tokens.")] = None,
    path_map: Annotated[
        list[str] | None,
        typer.Option("--path-map", help="Map paths from another machine: /app=. (repeatable)"),
    ] = None,
) -> None:
    """Talk about a crash: paste a traceback, ask follow-ups, explore the code with /commands."""
    from debugai.agent.chat.session import ChatSession
    from debugai.agent.traceback import read_input
    from debugai.commands.chat_terminal import ChatTerminal
    from debugai.commands.explain import parse_path_maps
    from debugai.config import load_config

    repo = repo_root(repo)
    config = load_config(repo, flags={"model": model})
    pairs = parse_path_maps(path_map or [])
    # A bad file named on the command line stops here with its exit code, before any session.
    text = read_input(trace) if trace else None
    with console.status("indexing the repository…"):
        session = ChatSession(repo, config, path_map=pairs, budget=budget)
    term = ChatTerminal(session, history=config.cache_dir / "chat_history")
    try:
        term.run(text)
    finally:
        session.close()
