"""Streaming segmenters: each decides, line by line, where one kind of traceback block ends."""

from __future__ import annotations

import re
from collections import deque

from debugai.agent.traceback import cpython as cpy
from debugai.agent.traceback.model import ExceptionRecord, Frame, Trace
from debugai.agent.traceback.text import looks_like_record_start, prefix_pattern

MAX_BLOCK_LINES = 60_000
TAIL_LINES = 20_000
MAX_SKIPPED = 50

_FORMATS = (
    (re.compile(r"Exception in ASGI application|Exception in callback|uvicorn"), "uvicorn"),
    (re.compile(r"Error handling request|\[\d+\] \[(?:ERROR|CRITICAL)\]|gunicorn"), "gunicorn"),
    (re.compile(r"Internal Server Error: /|django\.request|django"), "django"),
    (re.compile(r"Exception on \S* \[[A-Z]+\]|flask|werkzeug"), "flask"),
    (re.compile(r"Task \S+ raised unexpected|ForkPoolWorker|celery"), "celery"),
)


def classify_context(context: str | None, prefixed: bool) -> str:
    """Name the producer of a traceback from the line that introduced it."""
    if context:
        for pattern, name in _FORMATS:
            if pattern.search(context):
                return name
        if prefixed or looks_like_record_start(context):
            return "logging"
    return "logging" if prefixed else "cpython"


class Block:
    """A traceback block being collected; feed() returns False when the line is not its own."""

    start_line: int
    # The last input line with content that the block took (set by the scanner).
    last_line: int = 0

    def feed(self, line: str) -> bool:
        raise NotImplementedError

    def finish(self, end_line: int) -> list[Trace]:
        raise NotImplementedError


class LineStore:
    """A bounded line store: the head, then a tail window once the block grows too large."""

    def __init__(self) -> None:
        self.head: list[str] = []
        self.tail: deque[str] = deque(maxlen=TAIL_LINES)
        self.dropped = 0

    def append(self, line: str) -> None:
        if len(self.head) < MAX_BLOCK_LINES:
            self.head.append(line)
            return
        if len(self.tail) == self.tail.maxlen:
            self.dropped += 1
        self.tail.append(line)

    def lines(self) -> list[str]:
        return self.head + list(self.tail)

    def __len__(self) -> int:
        return len(self.head) + len(self.tail)


class CPythonBlock(Block):
    """`Traceback (most recent call last):` through the last exception of its chain."""

    FRAMES, GROUP, AFTER_EXC, AFTER_GROUP, CHAIN_WAIT = range(5)

    def __init__(self, start_line: int, prefix: str, context: str | None, kind: str) -> None:
        self.start_line = start_line
        self.context = context
        self.prefix_ws = prefix if prefix.strip() == "" else None
        self.prefix_re = prefix_pattern(prefix) if prefix.strip() else None
        self.store = LineStore()
        self.held: list[str] = []
        self.skipped = 0
        self.msg_lines = 0
        self.headless = kind == "file"
        self.state = self.GROUP if kind == "group" else self.FRAMES
        self.group_col = 0
        # After a `File` line at column 0 (indentation lost in a paste), its source line may follow.
        self.dedented_file = False
        self.dedented_first = False
        self.django = False

    def _strip(self, line: str) -> str | None:
        if self.prefix_re is not None:
            m = self.prefix_re.match(line)
            return line[m.end() :] if m else None
        if self.prefix_ws and line.startswith(self.prefix_ws):
            return line[len(self.prefix_ws) :]
        return line

    def _add(self, line: str) -> None:
        for h in self.held:
            self.store.append(h)
        self.held.clear()
        self.store.append(line)

    def feed(self, raw: str) -> bool:
        line = self._strip(raw)
        if line is None:
            # Interleaved output from another logger or container: skip a little of it.
            if self.state in (self.FRAMES, self.GROUP) and self.skipped < MAX_SKIPPED:
                self.skipped += 1
                return True
            return False
        self.skipped = 0
        stripped = line.strip()
        st = self.state
        if st == self.FRAMES:
            if not stripped:
                self.held.append("")
                return True
            if len(self.store) == 0 and not self.held:
                self._add(line)
                if cpy.GROUP_TOP_RE.match(line):
                    self.state = self.GROUP
                return True
            if line[:1] in (" ", "\t"):
                if cpy.GROUP_TOP_RE.match(line):
                    self.state = self.GROUP
                self._add(line)
                return True
            if stripped == cpy.TB_HEADER:
                return False
            if cpy.chain_mark(stripped):
                # Django's copy-and-paste view goes straight from frames to the next link.
                self._add(line)
                self.state = self.CHAIN_WAIT
                return True
            if cpy.FILE_RE.match(line):
                self._add(line)
                self.dedented_file = self.dedented_first = True
                return True
            if self.dedented_file and cpy.dedented_source(line, self.dedented_first):
                self._add(line)
                self.dedented_first = False
                return True
            self.dedented_file = False
            if stripped.startswith(cpy.DJANGO_TYPE):
                self._add(line)
                self.state = self.AFTER_EXC
                self.msg_lines = 0
                self.django = True
                return True
            if cpy.parse_exception_line(stripped) and not looks_like_record_start(line):
                self._add(line)
                self.state = self.AFTER_EXC
                self.msg_lines = 0
                return True
            return False
        if st == self.GROUP:
            if not stripped:
                self.held.append("")
                self.state = self.AFTER_GROUP
                return True
            if line[:1] == " ":
                self._add(line)
                return True
            return False
        if st in (self.AFTER_EXC, self.AFTER_GROUP):
            if not stripped:
                self.held.append("")
                return len(self.held) <= 3
            if cpy.chain_mark(stripped):
                self._add(line)
                self.state = self.CHAIN_WAIT
                return True
            if (
                self.held
                and st == self.AFTER_EXC
                and line[:1] in (" ", "\t")
                and (cpy.FILE_RE.match(line))
            ):
                # FastAPI ends validation errors with the endpoint's location after a blank
                # line; an indented `File` line never starts a traceback of its own.
                self._add(line)
                return True
            if self.held or st == self.AFTER_GROUP:
                return False
            if (
                self.msg_lines < cpy.MAX_MESSAGE_LINES
                and not looks_like_record_start(line)
                and not cpy.FILE_RE.match(line)
                and not cpy.GROUP_TOP_RE.match(line)
            ):
                self.msg_lines += 1
                self._add(line)
                return True
            return False
        # CHAIN_WAIT: the next traceback of the chain.
        if not stripped:
            self.held.append("")
            return len(self.held) <= 3
        if cpy.GROUP_TOP_RE.match(line):
            self._add(line)
            self.state = self.GROUP
            return True
        if stripped in (cpy.TB_HEADER, cpy.GROUP_HEADER) or (
            line[:1] in (" ", "\t") and cpy.FILE_RE.match(line)
        ):
            self._add(line)
            self.state = self.FRAMES
            return True
        if cpy.parse_exception_line(stripped):
            # A cause that was never raised has no traceback, only its exception line.
            self._add(line)
            self.state = self.AFTER_EXC
            self.msg_lines = 0
            return True
        return False

    def finish(self, end_line: int) -> list[Trace]:
        warnings: list[str] = []
        lines = self.store.lines()
        if self.store.dropped:
            warnings.append(f"{self.store.dropped} lines in the middle of a huge traceback skipped")
        chain, missing_end = cpy.parse_chain(lines, warnings)
        chain = [e for e in chain if e.type or e.frames or e.syntax or e.group]
        if not chain:
            return []
        truncated = missing_end or self.state == self.CHAIN_WAIT or bool(self.store.dropped)
        if self.headless and not (chain[0].syntax and not chain[0].frames):
            truncated = True
            warnings.append("the traceback's first lines are missing")
        if missing_end or not chain[-1].type:
            warnings.append("the traceback is cut off before its exception line")
        if self.context == '"""':
            warnings.append(
                "the first traceback ran in a worker process (quoted by multiprocessing)"
            )
        fmt = (
            "django" if self.django else classify_context(self.context, self.prefix_re is not None)
        )
        return [
            Trace(
                chain=chain,
                format=fmt,
                truncated=truncated,
                warnings=warnings,
                start_line=self.start_line,
                end_line=max(end_line, self.start_line),
                context=self.context,
            )
        ]


_FAULT_FRAME = re.compile(r'^\s+File "(?P<file>.*)", line (?P<line>\d+) in (?P<func>.*?)\s*$')
_FAULT_FRAME_BARE = re.compile(r"^\s+File \"(?P<file>.*)\", line (?P<line>\d+)\s*$")


class FaultBlock(Block):
    """A faulthandler dump: `Current thread 0x... (most recent call first):` and its frames."""

    def __init__(self, start_line: int, header: str, context: str | None) -> None:
        self.start_line = start_line
        self.header = header.strip()
        self.context = context
        self.frames: list[Frame] = []
        self.started = False

    def feed(self, line: str) -> bool:
        if not self.started:
            self.started = True
            return True
        m = _FAULT_FRAME.match(line) or _FAULT_FRAME_BARE.match(line)
        if m and len(self.frames) < MAX_BLOCK_LINES:
            groups = m.groupdict()
            self.frames.append(
                Frame(file=groups["file"], line=int(groups["line"]), function=groups.get("func"))
            )
            return True
        return line.strip().startswith("...")

    def finish(self, end_line: int) -> list[Trace]:
        if not self.frames:
            return []
        ctx = self.context or ""
        if ":" in ctx and ctx.split(":", 1)[0].strip():
            etype, msg = (s.strip() for s in ctx.split(":", 1))
        else:
            etype, msg = (ctx.strip() or "faulthandler"), ""
        message = f"{msg} ({self.header})" if msg else self.header
        frames = list(reversed(self.frames))
        return [
            Trace(
                chain=[ExceptionRecord(type=etype, message=message, frames=frames)],
                format="faulthandler",
                start_line=self.start_line,
                end_line=max(end_line, self.start_line),
                context=self.context,
            )
        ]
