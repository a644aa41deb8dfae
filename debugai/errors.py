"""Errors meant for the user: the CLI prints their message on one line and exits with their code.

Anything else that escapes is a bug in debugai; set DEBUGAI_DEBUG=1 to see its traceback.

    DebugaiError            exit 1   base class
    ├── UsageError          exit 2   bad arguments, missing or empty input file
    ├── TraceParseError     exit 2   the input holds no Python traceback
    ├── SymbolNotFound      exit 2   a symbol or FILE:LINE that the index does not know
    ├── RepoError           exit 3   repository missing or unreadable
    ├── NoFrameInRepo       exit 3   no frame of the traceback maps onto the repository
    ├── ModelError          exit 4   the model failed and --engine llm was forced
    └── EvalFailure         exit 5   eval scores under the committed floor, or a case drifted
"""

from __future__ import annotations


class DebugaiError(Exception):
    """An error whose message is shown to the user as is."""

    exit_code = 1


class UsageError(DebugaiError):
    exit_code = 2


class TraceParseError(DebugaiError):
    exit_code = 2


class SymbolNotFound(DebugaiError):
    exit_code = 2


class RepoError(DebugaiError):
    exit_code = 3


class NoFrameInRepo(DebugaiError):
    exit_code = 3


class ModelError(DebugaiError):
    exit_code = 4


class EvalFailure(DebugaiError):
    exit_code = 5
