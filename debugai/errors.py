"""Errors meant for the user, and the exit codes every command uses (the only place they live).

The CLI prints a DebugaiError's message on one line and exits with its code. Anything else that
escapes is a bug in debugai (exit 1); set DEBUGAI_DEBUG=1 to see its traceback.

    ExitCode.OK            0   done
    ExitCode.INTERNAL      1   a bug in debugai, and nothing else
    ExitCode.USAGE         2   bad input: unknown option value, no such file or path, no Python
                               traceback in the input, unknown symbol, FILE:LINE past the end
    ExitCode.REPO          3   repository unreadable, or no frame of the traceback belongs to it
    ExitCode.MODEL         4   the model failed and --engine llm/local was forced
    ExitCode.EVAL          5   `debugai eval`: a case drifted or a score fell under the floor
    ExitCode.CI_FAILED     6   `debugai ci --fail-on-error`: the run could not be fully reported
                               (no report read, a failure with no traceback, the API refused)
    ExitCode.NOT_FOUND     7   a query found nothing, e.g. `graph path` between unlinked symbols
    ExitCode.INTERRUPTED 130   Ctrl-C
    ExitCode.BROKEN_PIPE 141   the reader of stdout went away (`| head`), as for SIGPIPE

    DebugaiError            INTERNAL (subclasses say what went wrong)
    ├── UsageError          USAGE
    ├── TraceParseError     USAGE
    ├── SymbolNotFound      USAGE
    ├── RepoError           REPO
    ├── NoFrameInRepo       REPO
    ├── ModelError          MODEL
    ├── EvalFailure         EVAL
    ├── CiFailure           CI_FAILED
    └── NothingFound        NOT_FOUND
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INTERNAL = 1
    USAGE = 2
    REPO = 3
    MODEL = 4
    EVAL = 5
    CI_FAILED = 6
    NOT_FOUND = 7
    INTERRUPTED = 130
    BROKEN_PIPE = 141


class DebugaiError(Exception):
    """An error whose message is shown to the user as is."""

    exit_code: int = ExitCode.INTERNAL


class UsageError(DebugaiError):
    exit_code = ExitCode.USAGE


class TraceParseError(DebugaiError):
    exit_code = ExitCode.USAGE


class SymbolNotFound(DebugaiError):
    exit_code = ExitCode.USAGE


class RepoError(DebugaiError):
    exit_code = ExitCode.REPO


class NoFrameInRepo(DebugaiError):
    exit_code = ExitCode.REPO


class ModelError(DebugaiError):
    exit_code = ExitCode.MODEL


class EvalFailure(DebugaiError):
    exit_code = ExitCode.EVAL


class CiFailure(DebugaiError):
    exit_code = ExitCode.CI_FAILED


class NothingFound(DebugaiError):
    exit_code = ExitCode.NOT_FOUND
