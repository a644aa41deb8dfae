"""The streaming scanner: finds where each kind of traceback starts and hands lines to its block."""

from __future__ import annotations

import json
import re
from collections import deque

from debugai.agent.traceback import cpython as cpy
from debugai.agent.traceback import pytest_output as pyt
from debugai.agent.traceback.blocks import Block, CPythonBlock, FaultBlock
from debugai.agent.traceback.jupyter import HEADER_RE as JUPYTER_HEADER_RE
from debugai.agent.traceback.jupyter import JupyterBlock
from debugai.agent.traceback.logs import MAX_JSON_CHARS, JsonDocBlock, traces_from_json
from debugai.agent.traceback.model import Trace
from debugai.agent.traceback.text import clean_line

TB_MARK = "Traceback (most recent call last)"
GROUP_MARK = "+ Exception Group Traceback (most recent call last):"
_JSON_HINTS = ("Traceback", '"exception"', "stacktrace", "exc_info", '"exc_type"', '"stack')
_SHORT_ENTRY_RE = re.compile(r"^\S.*\.pyw?:\d+: in \S+$")
MAX_PENDING_PYTEST = 500
CONTEXT_REACH = 2


class Scanner:
    """Feed lines one at a time; complete traces collect in `out`."""

    def __init__(self) -> None:
        self.out: deque[Trace] = deque()
        self.block: Block | None = None
        self.lineno = 0
        self.context: str | None = None
        self.context_line = -10
        self.fatal: str | None = None
        self.fatal_line = -10
        self.pytest_mode: str | None = None
        self.in_captured = False
        self.pending: list[Trace] = []
        self.summary: list[pyt.SummaryEntry] = []

    # --- feeding -----------------------------------------------------------------------------

    def feed(self, raw: str) -> None:
        self.lineno += 1
        if "{" in raw and self._try_json_line(raw):
            return
        self._dispatch(clean_line(raw), allow_json=True)

    def close(self) -> None:
        while self.block is not None:
            block = self.block
            if isinstance(block, JsonDocBlock):
                self.block = None
                self._json_doc_done(block)
            else:
                self._close_block(self.lineno)
        self._flush_pytest()

    def _dispatch(self, line: str, allow_json: bool) -> None:
        block = self.block
        if block is not None:
            if isinstance(block, JsonDocBlock):
                block.feed(line)
                if block.closed:
                    self.block = None
                    self._json_doc_done(block)
                return
            if block.feed(line):
                if line.strip():
                    block.last_line = self.lineno
                return
            self._close_block(self.lineno - 1)
        self._normal(line, allow_json)

    def _close_block(self, end_line: int) -> None:
        block, self.block = self.block, None
        if block is None:
            return
        for trace in block.finish(block.last_line or end_line):
            self._emit(trace)

    def _emit(self, trace: Trace) -> None:
        if trace.format.startswith("pytest"):
            self.pending.append(trace)
            if len(self.pending) > MAX_PENDING_PYTEST:
                self._flush_pytest()
        else:
            self.out.append(trace)

    def _flush_pytest(self) -> None:
        if self.pending or self.summary:
            self.out.extend(pyt.assign_test_ids(self.pending, self.summary))
        self.pending, self.summary = [], []

    def _start(self, block: Block, line: str) -> None:
        self.block = block
        block.last_line = self.lineno
        block.feed(line)

    def _recent_context(self, reach: int = CONTEXT_REACH) -> str | None:
        return self.context if self.lineno - self.context_line <= reach else None

    # --- the start of something ------------------------------------------------------------------

    def _normal(self, line: str, allow_json: bool) -> None:
        stripped = line.strip()
        if not stripped:
            return
        first = line[0]
        if first == "=" and self._pytest_banner(line):
            return
        if first == "_":
            header = pyt.HEADER_RE.match(line)
            if header and not pyt.ENTRY_SEP_RE.match(line):
                self.in_captured = False
                self._start(pyt.PytestSection(self.lineno, header.group("name")), line)
                return
        if first == "-" and pyt.CAPTURED_RE.match(line):
            self.in_captured = True
            return
        if self.pytest_mode == "summary":
            entry = pyt.SUMMARY_RE.match(line)
            if entry:
                kind, node, msg = entry.group("kind", "node", "msg")
                self.summary.append(pyt.SummaryEntry(kind, node, msg or "", self.lineno))
                if len(self.summary) > MAX_PENDING_PYTEST * 10:
                    self._flush_pytest()
                return
        if (
            self.pytest_mode == "failures"
            and not self.in_captured
            and (line.startswith("E ") or pyt.LINE_LOC_RE.match(line))
        ):
            self._start(pyt.PytestLineBlock(self.lineno), line)
            return
        if "Traceback" in line and self._traceback_start(line, stripped):
            return
        if "sub-exception" in line and first in " |":
            bare = cpy.GROUP_BARE_RE.match(line)
            if bare:
                block = CPythonBlock(self.lineno, "", self._recent_context(), "group")
                self._start(block, line)
                return
        if 'File "' in line and first in " \t" and cpy.FILE_RE.match(line):
            self._start(CPythonBlock(self.lineno, "", self._recent_context(), "file"), line)
            return
        if "(most recent call first)" in line:
            ctx = self.fatal if self.lineno - self.fatal_line <= 4 else None
            self._start(FaultBlock(self.lineno, stripped, ctx), line)
            return
        if allow_json and stripped == "{" and first == "{":
            self._start(JsonDocBlock(self.lineno), line)
            return
        if (
            ": in " in line
            and first not in " \t"
            and _SHORT_ENTRY_RE.match(line)
            and not self.in_captured
        ):
            section = pyt.PytestSection(self.lineno, "")
            section.started = True
            self._start(section, line)
            return
        if stripped.startswith("Fatal Python error:") or stripped.startswith("Timeout"):
            self.fatal, self.fatal_line = stripped, self.lineno
        self.context, self.context_line = stripped, self.lineno

    def _traceback_start(self, line: str, stripped: str) -> bool:
        gi = line.find(GROUP_MARK)
        if gi >= 0:
            prefix = line[: max(gi - 2, 0)]
            block = CPythonBlock(self.lineno, prefix, self._recent_context(), "group")
            self._start(block, line)
            return True
        ti = line.find(TB_MARK)
        if ti < 0:
            return False
        if line.rstrip().endswith(TB_MARK + ":"):
            prefix = line[:ti]
            # "Exception Group Traceback" printed without its "+" margin (a nested group pasted alone).
            if prefix.endswith("Exception Group "):
                prefix = prefix[: -len("Exception Group ")]
            block = CPythonBlock(self.lineno, prefix, self._recent_context(), "tb")
            self._start(block, line)
            return True
        if JUPYTER_HEADER_RE.match(stripped):
            self._start(JupyterBlock(self.lineno, self._recent_context(3)), line)
            return True
        return False

    def _pytest_banner(self, line: str) -> bool:
        m = pyt.SESSION_RE.match(line)
        if not m:
            return False
        title = m.group("title")
        self.in_captured = False
        if title in ("FAILURES", "ERRORS"):
            self.pytest_mode = "failures"
        elif title == "short test summary info":
            self.pytest_mode = "summary"
        elif pyt.is_session_end(line):
            self.pytest_mode = None
            self._flush_pytest()
        else:
            self.pytest_mode = None
        return True

    # --- JSON ------------------------------------------------------------------------------------

    def _try_json_line(self, raw: str) -> bool:
        start = raw.find('{"')
        if start < 0 or len(raw) > MAX_JSON_CHARS:
            return False
        text = raw[start:].rstrip()
        if not text.endswith("}") or not any(h in text for h in _JSON_HINTS):
            return False
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            return False
        traces = traces_from_json(doc, self.lineno, _parse_text)
        if not traces:
            return False
        if self.block is not None:
            self._close_block(self.lineno - 1)
        for t in traces:
            self._emit(t)
        return True

    def _json_doc_done(self, block: JsonDocBlock) -> None:
        doc = block.decode()
        traces = traces_from_json(doc, block.start_line, _parse_text) if doc is not None else []
        if traces:
            for t in traces:
                t.end_line = block.start_line + len(block.lines) - 1
                self._emit(t)
            return
        # Not JSON after all, or JSON without a traceback: read its lines as text.
        saved = self.lineno
        self.lineno = block.start_line - 1
        for line in block.lines:
            self.lineno += 1
            self._dispatch(line, allow_json=False)
        self.lineno = saved


def _parse_text(text: str) -> list[Trace]:
    """Parse a traceback carried inside a JSON string."""
    scanner = Scanner()
    for line in text.split("\n"):
        scanner.feed(line)
    scanner.close()
    return list(scanner.out)
