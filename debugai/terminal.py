"""What the front ends print and how: text from traces, code and models shown literally, paths
that stay clickable, links and progress only on a terminal, hints shown once."""

from __future__ import annotations

import os
import re
import socket
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

ProgressFn = Callable[[int, int], None]

# A pipe or a CI log gets lines as long as they are: wrapping would cut `file:line` mid-token.
NO_WRAP_WIDTH = 100_000

# ESC sequences (CSI, OSC up to BEL/ST, two-byte), then any other C0/C1 control but \t and \n.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]"
)


def strip_control(text: str) -> str:
    """The text without terminal escape sequences or control characters (\\r\\n kept as \\n)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n"))


def is_tty(stream: TextIO | None = None) -> bool:
    stream = sys.stdout if stream is None else stream
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def closed_pipe() -> None:
    """`debugai ... | head`: the reader left. Not a bug: point stdout at /dev/null so that
    Python's flush at exit does not complain again; the caller exits BROKEN_PIPE (as SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def make_console(stderr: bool = False) -> Console:
    """A console that wraps only on a terminal and never reads markup from what it is given
    as plain strings unless asked (callers pass Text, or markup=False)."""
    # rich is imported here, not at the top: `debugai --help` never makes a console.
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """rich exits 1 on a closed pipe, the code of a bug; a closed pipe is not one."""
            from debugai.errors import ExitCode

            closed_pipe()
            raise SystemExit(ExitCode.BROKEN_PIPE)

    tty = is_tty(sys.stderr if stderr else sys.stdout)
    return _Console(
        stderr=stderr,
        highlight=False,
        soft_wrap=not tty,
        width=None if tty else NO_WRAP_WIDTH,
    )


class _LazyConsole:
    """Stands for the console make_console(stderr) returns, made on first use: importing rich
    (and building a console) costs more than all of `debugai --help` may take."""

    def __init__(self, stderr: bool) -> None:
        object.__setattr__(self, "_stderr", stderr)
        object.__setattr__(self, "_console", None)

    def _real(self) -> Console:
        real: Console | None = object.__getattribute__(self, "_console")
        if real is None:
            real = make_console(stderr=object.__getattribute__(self, "_stderr"))
            object.__setattr__(self, "_console", real)
        return real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._real(), name, value)

    def __enter__(self) -> Console:
        return self._real().__enter__()

    def __exit__(self, *exc: object) -> None:
        self._real().__exit__(*exc)


def real_console(console: Console) -> Console:
    """The Console itself, for rich objects that keep it (Progress, Live): special methods and
    identity do not go through a stand-in."""
    if isinstance(console, _LazyConsole):
        return console._real()
    return console


def lazy_console(stderr: bool = False) -> Console:
    """make_console(stderr), made when first used (typed as the Console it forwards to)."""
    return cast("Console", _LazyConsole(stderr))


def shown_path(repo: Path, file: str, cwd: Path | None = None) -> str:
    """A repo-relative path as the user can open it: relative to the current directory when
    the repository is at or below it, else as it is in the repository (one base for all)."""
    cwd = (cwd or Path.cwd()).resolve()
    try:
        base = repo.resolve().relative_to(cwd)
    except (ValueError, OSError):
        return file
    return (base / file).as_posix()


def file_url(path: Path, line: int | None = None) -> str:
    """A file:// URL with the host (as OSC 8 asks) and the line as the fragment (kitty, WezTerm
    and iTerm2 open an editor at it)."""
    url = f"file://{socket.gethostname()}{path.resolve().as_posix()}"
    return f"{url}#{line}" if line else url


def location(
    repo: Path,
    file: str,
    line: int,
    *,
    tty: bool,
    style: str = "bold cyan",
    cwd: Path | None = None,
) -> Text:
    """`path:line`, unbroken; on a terminal an OSC 8 link to the file at that line."""
    from rich.text import Text

    label = f"{shown_path(repo, file, cwd)}:{line}"
    if not tty:
        return Text(label, style=style, no_wrap=True)
    return Text(label, style=f"{style} link {file_url(repo / file, line)}", no_wrap=True)


# -- hints shown once ---------------------------------------------------------------------------


def state_dir(env: Mapping[str, str] | None = None) -> Path:
    """The user's state dir: $XDG_STATE_HOME/debugai, else ~/.local/state/debugai."""
    env = os.environ if env is None else env
    base = env.get("XDG_STATE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "state"
    return root / "debugai"


def first_time(hint: str, env: Mapping[str, str] | None = None) -> bool:
    """True the first time this hint is asked for (then it is remembered in the state dir).

    When the state dir cannot be written the hint is shown, and will be again: a lost hint is
    worse than a repeated one.
    """
    mark = state_dir(env) / "hints" / hint
    if mark.exists():
        return False
    try:
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ\n", time.gmtime()), encoding="utf-8")
    except OSError:
        pass
    return True


# -- progress -----------------------------------------------------------------------------------


@contextmanager
def spinner(console: Console, label: str) -> Iterator[None]:
    """A spinner with the elapsed time on a terminal; nothing at all otherwise."""
    if not console.is_terminal:
        yield
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        TimeElapsedColumn(),
        console=real_console(console),
        transient=True,
    ) as bar:
        bar.add_task(label, total=None)
        yield


# Below this many files to parse a bar would only flicker.
PROGRESS_MIN_FILES = 50


@contextmanager
def index_progress(console: Console, min_files: int = PROGRESS_MIN_FILES) -> Iterator[ProgressFn]:
    """A progress callback for build_index: a bar of files parsed on a terminal, else silent."""
    if not console.is_terminal:
        yield lambda done, total: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        TextColumn("indexing: parsing files"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=real_console(console),
        transient=True,
    ) as bar:
        task: TaskID | None = None

        def progress(done: int, total: int) -> None:
            nonlocal task
            if total < min_files:
                return
            if task is None:
                task = bar.add_task("parse", total=total)
            bar.update(task, completed=done)

        yield progress
