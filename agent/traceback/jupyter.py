"""Parse IPython/Jupyter tracebacks (IPython 7 and 8 layouts)."""

from __future__ import annotations

import re

from debugai.agent.traceback import cpython as cpy
from debugai.agent.traceback.blocks import Block, LineStore
from debugai.agent.traceback.model import ExceptionRecord, Frame, Trace

HEADER_RE = re.compile(rf"^(?P<type>{cpy.TYPE})\s+Traceback \(most recent call last\)\s*$")
DASHES_RE = re.compile(r"^-{20,}\s*$")
_FRAME_RES = (
    # IPython 8: `Cell In[3], line 5, in f(x)` and `File /x/y.py:12, in func(a)`
    re.compile(r"^(?P<file>Cell In\s?\[\d*\]), line (?P<line>\d+)(?:, in (?P<func>.*))?$"),
    re.compile(r"^File (?P<file>.+?):(?P<line>\d+)(?:, in (?P<func>.*))?$"),
    # IPython 8.0-8.4: `Input In [3], in <cell line: 5>()`
    re.compile(r"^(?P<file>Input In \[\d*\]), in (?P<func>.*)$"),
    # IPython 7: `<ipython-input-3-1f2e> in <module>` and `/x/y.py in func(a)`
    re.compile(r"^(?P<file><ipython-input-[^>]*>) in (?P<func>.*)$"),
    re.compile(r"^(?P<file>(?:[~/]|[A-Za-z]:\\)\S*?\.pyw?) in (?P<func>.*)$"),
)
SOURCE_RE = re.compile(r"^(?P<arrow>-*>)?\s*(?P<num>\d+)(?P<code>\s.*)?$")
CELL_LINE_RE = re.compile(r"<cell line: (\d+)>")


def _func_name(text: str | None) -> tuple[str | None, int | None]:
    if not text:
        return None, None
    cell = CELL_LINE_RE.search(text)
    if cell:
        return "<module>", int(cell.group(1))
    name = re.match(r"[^\s(]+", text.strip())
    return (name.group(0) if name else text.strip()), None


class JupyterBlock(Block):
    """From `----` / `KeyError   Traceback (most recent call last)` to the exception line."""

    def __init__(self, start_line: int, context: str | None) -> None:
        self.start_line = start_line
        self.context = context
        self.store = LineStore()
        self.expect_type: str | None = None
        self.after_exc = False
        self.held = 0
        self.msg = 0

    def feed(self, line: str) -> bool:
        stripped = line.strip()
        header = HEADER_RE.match(stripped)
        if header:
            self.expect_type = header.group("type")
            self.after_exc = False
            self.held = 0
            self.store.append(line)
            return True
        if not self.after_exc:
            if self.expect_type and (
                stripped == self.expect_type or stripped.startswith(self.expect_type + ":")
            ):
                self.after_exc = True
                self.msg = 0
            self.store.append(line)
            return len(self.store) < 200_000
        if not stripped:
            self.held += 1
            self.store.append(line)
            return self.held <= 3
        if cpy.chain_mark(stripped) or DASHES_RE.match(stripped):
            self.after_exc = False
            self.expect_type = None
            self.store.append(line)
            return True
        if self.held or self.msg > cpy.MAX_MESSAGE_LINES:
            return False
        self.msg += 1
        self.store.append(line)
        return True

    def finish(self, end_line: int) -> list[Trace]:
        chain = parse_jupyter(self.store.lines())
        if not chain:
            return []
        return [
            Trace(
                chain=chain,
                format="jupyter",
                truncated=not self.after_exc,
                start_line=self.start_line,
                end_line=max(end_line, self.start_line),
                context=self.context,
            )
        ]


def parse_jupyter(lines: list[str]) -> list[ExceptionRecord]:
    """Parse the collected lines of an IPython traceback (possibly chained)."""
    records: list[ExceptionRecord] = []
    cur: ExceptionRecord | None = None
    frame: Frame | None = None
    expect: str | None = None
    in_msg = False
    for line in lines:
        stripped = line.strip()
        header = HEADER_RE.match(stripped)
        if header:
            cur = ExceptionRecord(type=header.group("type"), message="")
            expect, frame, in_msg = header.group("type"), None, False
            records.append(cur)
            continue
        if cur is None:
            continue
        rel = cpy.chain_mark(stripped)
        if rel:
            cur.relation = rel
            in_msg = False
            continue
        if in_msg:
            cur.message = f"{cur.message}\n{line}" if stripped or cur.message else cur.message
            continue
        if expect and (stripped == expect or stripped.startswith(expect + ":")):
            parsed = cpy.parse_exception_line(stripped)
            if parsed:
                cur.type, cur.message = parsed
            in_msg = True
            continue
        for pattern in _FRAME_RES:
            m = pattern.match(stripped)
            if m:
                groups = m.groupdict()
                func, cell_line = _func_name(groups.get("func"))
                if func is None and groups["file"].startswith("Cell"):
                    func = "<module>"  # a cell's top level, as CPython names a module's
                raw_line = groups.get("line")
                frame = Frame(
                    file=groups["file"],
                    line=int(raw_line) if raw_line else cell_line,
                    function=func,
                )
                cur.frames.append(frame)
                break
        else:
            src = SOURCE_RE.match(line.rstrip())
            if (
                frame is not None
                and src
                and src.group("arrow")
                and (frame.line is None or frame.source is None)
            ):
                frame.line = frame.line or int(src.group("num"))
                frame.source = (src.group("code") or "").strip()
    for rec in records:
        rec.message = rec.message.rstrip()
    return records
