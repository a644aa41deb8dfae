"""Read any Python traceback a user can paste into a Trace; knows nothing of indexes or engines."""

from debugai.agent.traceback.model import (
    ExceptionRecord,
    Frame,
    FrameKind,
    Relation,
    SyntaxInfo,
    Trace,
)
from debugai.agent.traceback.read import (
    iter_traces,
    open_lines,
    parse,
    parse_all,
    parse_all_strict,
    pick_primary,
    read_input,
)

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
    "parse_all_strict",
    "pick_primary",
    "read_input",
]
