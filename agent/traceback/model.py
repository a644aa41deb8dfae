"""The typed result of reading a traceback: frames, exceptions, chains, traces."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

FrameKind = Literal["repo", "third_party", "stdlib", "unknown"]
Relation = Literal["cause", "context"]


@dataclass
class Frame:
    """One stack frame as printed, plus where locate() found it in the repo."""

    file: str
    line: int | None
    function: str | None
    source: str | None = None
    col: tuple[int, int] | None = None
    kind: FrameKind = "unknown"
    repo_path: str | None = None
    repo_line: int | None = None
    stale: bool = False
    repeated: int = 0


@dataclass
class SyntaxInfo:
    """Where a SyntaxError points: file, line, the offending text and the caret span."""

    file: str
    line: int | None
    text: str | None = None
    col: tuple[int, int] | None = None
    # Set by locate() when the file is one of the repo's.
    repo_path: str | None = None


@dataclass
class ExceptionRecord:
    """One exception of a chain: its type, message and the frames it travelled through."""

    type: str
    message: str
    frames: list[Frame] = field(default_factory=list)
    relation: Relation | None = None
    group: list[ExceptionRecord] = field(default_factory=list)
    syntax: SyntaxInfo | None = None
    # For a sub-exception of a group: the earlier links of its own chain (its causes/contexts).
    chain_before: list[ExceptionRecord] = field(default_factory=list)
    # "and N more exceptions": sub-exceptions the printer left out.
    group_more: int = 0

    @property
    def short_type(self) -> str:
        """The class name without its module ("NoSuchModuleError")."""
        return self.type.rsplit(".", 1)[-1]


@dataclass
class Trace:
    """One traceback found in the input; chain[-1] is the exception that ended the program."""

    chain: list[ExceptionRecord]
    format: str = "cpython"
    truncated: bool = False
    warnings: list[str] = field(default_factory=list)
    test_id: str | None = None
    start_line: int = 1
    end_line: int = 1
    # The log or banner line that introduced the trace ("ERROR:    Exception in ASGI application").
    context: str | None = None

    @property
    def final(self) -> ExceptionRecord:
        return self.chain[-1]

    @property
    def all_frames(self) -> list[Frame]:
        return [f for exc in self.chain for f in exc.frames]

    @property
    def complete(self) -> bool:
        return not self.truncated and bool(self.chain) and bool(self.final.type)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        return asdict(self)
