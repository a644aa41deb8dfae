"""Read any Python traceback a user can paste: the public entry points.

    parse_all(text)      every traceback found, in input order; never raises
    parse(text)          the primary one (the last complete); TraceParseError when there is none
    iter_traces(lines)   streaming over a huge log, bounded memory
    read_input(path)     a file or "-" (stdin) as text, decoded robustly; UsageError when unusable

The formats (CPython 3.8-3.13, chains, groups, pytest, logs, JSON, Sentry, Jupyter, faulthandler)
live in the sibling modules; this one only wires them together.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator

from debugai.agent.traceback.model import (
    ExceptionRecord,
    Frame,
    FrameKind,
    Relation,
    SyntaxInfo,
    Trace,
)
from debugai.agent.traceback.scan import Scanner
from debugai.agent.traceback.text import decode_bytes, iter_decoded_lines
from debugai.errors import TraceParseError, UsageError

__all__ = [
    "ExceptionRecord",
    "Frame",
    "FrameKind",
    "Relation",
    "SyntaxInfo",
    "Trace",
    "iter_traces",
    "open_lines",
    "parse",
    "parse_all",
    "pick_primary",
    "read_input",
]

READ_CHUNK = 1 << 20


def iter_traces(lines: Iterable[str]) -> Iterator[Trace]:
    """Yield each traceback as soon as it is complete; memory stays bounded on any input size."""
    scanner = Scanner()
    for raw in lines:
        if not isinstance(raw, str):
            raw = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        scanner.feed(raw)
        while scanner.out:
            yield scanner.out.popleft()
    scanner.close()
    yield from scanner.out


def parse_all_strict(text: str) -> list[Trace]:
    """parse_all without the safety net, so tests and the fuzzer see real bugs."""
    traces = list(iter_traces(text.split("\n")))
    traces.sort(key=lambda t: t.start_line)
    return traces


def parse_all(text: str, *, debug: bool = False) -> list[Trace]:
    """Every traceback in `text`, in input order. Never raises, unless `debug` asks for bugs."""
    try:
        return parse_all_strict(text if isinstance(text, str) else str(text))
    except Exception:  # pragma: no cover - a bug; the fuzzer and property test hunt for it
        if debug:
            raise
        return []


def pick_primary(traces: list[Trace]) -> Trace | None:
    """The trace that matters: the last complete one, a test failure over captured output."""
    if not traces:
        return None
    complete = [t for t in traces if t.complete]
    tests = [t for t in complete if t.format in ("pytest", "pytest-line")]
    if tests:
        return tests[-1]
    if complete:
        return complete[-1]
    framed = [t for t in traces if t.all_frames]
    return framed[-1] if framed else traces[-1]


def parse(text: str, *, debug: bool = False) -> Trace:
    """The primary traceback in `text`; TraceParseError (one line) when there is none."""
    primary = pick_primary(parse_all(text, debug=debug))
    if primary is None:
        raise TraceParseError(
            "no Python traceback found in the input "
            "(expected 'Traceback (most recent call last):', pytest output, or a JSON log/Sentry event)"
        )
    return primary


def _check_path(path: str) -> None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise UsageError(f"{path}: is a directory; pass the file that holds the traceback")


def read_input(path: str) -> str:
    """The text of `path` ("-" reads stdin), decoded whatever its encoding; UsageError if unusable."""
    if path == "-":
        if sys.stdin is None:
            raise UsageError("no standard input to read; pass the file that holds the traceback")
        try:
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else b""
            if not data and not hasattr(sys.stdin, "buffer"):
                data = sys.stdin.read().encode("utf-8", "replace")
        except OSError as exc:
            raise UsageError(f"cannot read standard input ({exc.strerror or exc})") from None
        name = "standard input"
    else:
        _check_path(path)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except PermissionError:
            raise UsageError(f"{path}: permission denied") from None
        except OSError as exc:
            raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None
        name = path
    text = decode_bytes(data)
    if not text.strip("\x00 \t\r\n\ufeff"):
        raise UsageError(f"{name} is empty; paste the traceback or pass the file that holds it")
    return text


def open_lines(path: str) -> Iterator[str]:
    """Stream the decoded lines of `path` ("-" = stdin) without loading it whole."""
    if path != "-":
        _check_path(path)

    def chunks() -> Iterator[bytes]:
        if path == "-":
            stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
            if stream is None:
                yield sys.stdin.read().encode("utf-8", "replace")
                return
            while chunk := stream.read(READ_CHUNK):
                yield chunk
            return
        try:
            with open(path, "rb") as fh:
                while chunk := fh.read(READ_CHUNK):
                    yield chunk
        except OSError as exc:
            raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None

    return iter_decoded_lines(chunks())
