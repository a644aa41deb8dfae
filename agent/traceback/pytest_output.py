"""Parse pytest failure reports: --tb=auto|long|short|line|native, E lines, summaries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from debugai.agent.traceback import cpython as cpy
from debugai.agent.traceback.blocks import Block, LineStore
from debugai.agent.traceback.model import ExceptionRecord, Frame, Relation, SyntaxInfo, Trace

SESSION_RE = re.compile(r"^={3,} (?P<title>.*?) ={3,}$")
HEADER_RE = re.compile(r"^_{3,} (?P<name>\S.*?) _{3,}$")
ENTRY_SEP_RE = re.compile(r"^(?:_ )+_?\s*$")
CAPTURED_RE = re.compile(r"^-{3,} (?:Captured|Captured log) .* -{3,}$|^-{3,} Captured .*-{3,}$")
LOC_RE = re.compile(r"^(?P<file>[^\s>].*?):(?P<line>\d+)(?:: ?(?P<rest>.*))?$")
LINE_LOC_RE = re.compile(r"^(?P<file>\S.*?\.pyw?):(?P<line>\d+): (?P<rest>.+)$")
FILE_LINE_RE = re.compile(r"^file (?P<file>.+), line (?P<line>\d+)$")
SYNTAX_TYPES = frozenset({"SyntaxError", "IndentationError", "TabError"})
DEF_RE = re.compile(r"^\s*(?:async\s+)?def\s+(?P<name>\w+)")
SUMMARY_RE = re.compile(r"^(?P<kind>FAILED|ERROR) (?P<node>\S+)(?: - (?P<msg>.*))?$")
RESULT_RE = re.compile(r"\b(?:passed|failed|errors?|skipped|xfailed|xpassed|no tests ran)\b")


@dataclass
class SummaryEntry:
    kind: str
    node: str
    message: str
    line: int


class PytestSection(Block):
    """One `____ test_name ____` failure section, up to its captured output or the next one."""

    def __init__(self, start_line: int, name: str) -> None:
        self.start_line = start_line
        self.name = name
        self.store = LineStore()
        self.started = False

    def feed(self, line: str) -> bool:
        if not self.started:
            self.started = True
            return True
        if HEADER_RE.match(line) or SESSION_RE.match(line) or CAPTURED_RE.match(line):
            return False
        self.store.append(line)
        return True

    def finish(self, end_line: int) -> list[Trace]:
        trace = parse_section(self.store.lines())
        if trace is None:
            return []
        trace.start_line = self.start_line
        trace.end_line = max(end_line, self.start_line)
        trace.context = self.name
        return [trace]


class PytestLineBlock(Block):
    """--tb=line output: `E   ...` lines then `path.py:N: message`, no section header."""

    def __init__(self, start_line: int) -> None:
        self.start_line = start_line
        self.store = LineStore()
        self.in_captured = False
        self.done = False

    def feed(self, line: str) -> bool:
        if self.done or HEADER_RE.match(line) or SESSION_RE.match(line):
            return False
        if CAPTURED_RE.match(line):
            self.in_captured = True
            return True
        if LINE_LOC_RE.match(line):
            self.store.append(line)
            self.done = True
            return True
        if not self.in_captured:
            self.store.append(line)
        return True

    def finish(self, end_line: int) -> list[Trace]:
        lines = self.store.lines()
        loc = LINE_LOC_RE.match(lines[-1]) if lines else None
        body = lines[:-1] if loc else lines
        chain = [_entries_to_record(seg) for seg in _split_chain(body)]
        chain = [c for c in chain if c.type or c.message]
        if loc:
            frame = Frame(file=loc.group("file"), line=int(loc.group("line")), function=None)
            if not chain:
                parsed = _type_message(loc.group("rest"))
                chain = [ExceptionRecord(type=parsed[0], message=parsed[1])]
            chain[-1].frames.append(frame)
        if not chain:
            return []
        return [
            Trace(
                chain=chain,
                format="pytest-line",
                truncated=loc is None,
                start_line=self.start_line,
                end_line=max(end_line, self.start_line),
            )
        ]


def parse_section(lines: list[str]) -> Trace | None:
    """Parse the body of one failure section in any --tb style."""
    warnings: list[str] = []
    for i, line in enumerate(lines):
        # --tb=native prints the header at column 0; an indented one is source that pytest
        # shows (a doctest in a docstring), and the long-format entries still follow.
        if line.rstrip() == cpy.TB_HEADER:
            chain, missing = cpy.parse_chain(lines[i:], warnings)
            chain = [e for e in chain if e.type or e.frames]
            if chain:
                return Trace(chain=chain, format="pytest", truncated=missing, warnings=warnings)
            break
    body = [ln for ln in lines if ln.strip() != "Traceback:"]
    chain = [_entries_to_record(seg) for seg in _split_chain(body)]
    chain = [c for c in chain if c.type or c.message or c.frames]
    if not chain:
        return None
    truncated = not chain[-1].type and not chain[-1].message
    return Trace(chain=chain, format="pytest", truncated=truncated, warnings=warnings)


def _split_chain(lines: list[str]) -> list[list[str]]:
    segments: list[list[str]] = [[]]
    relations: list[str] = []
    for line in lines:
        mark = cpy.chain_mark(line.strip())
        if mark:
            relations.append(mark)
            segments.append([])
        else:
            segments[-1].append(line)
    # The relation rides on the segment it follows; stash it as a marker line.
    for seg, rel in zip(segments, relations, strict=False):
        seg.append(f"\x00{rel}")
    return segments


def _entries_to_record(seg: list[str]) -> ExceptionRecord:
    """Turn one chain segment (long, short or mixed entries) into an exception record."""
    frames: list[Frame] = []
    e_lines: list[str] = []
    loc_type = ""
    pending: list[str] = []
    short: Frame | None = None
    short_printed: str | None = None
    relation: Relation | None = None
    for line in seg:
        if line.startswith("\x00"):
            relation = "cause" if line[1:] == "cause" else "context"
            continue
        if ENTRY_SEP_RE.match(line):
            pending, short = [], None
            continue
        if line.startswith("E ") or line == "E":
            e_lines.append(line[1:])
            continue
        if e_lines and line.startswith(">"):
            e_lines.append(line[1:])
            continue
        fl = FILE_LINE_RE.match(line)
        if fl:
            short = Frame(file=fl.group("file"), line=int(fl.group("line")), function=None)
            short_printed = None
            frames.append(short)
            continue
        loc = LOC_RE.match(line)
        if loc and not line.startswith(" "):
            rest = (loc.group("rest") or "").strip()
            file, lineno = loc.group("file"), int(loc.group("line"))
            if rest.startswith("in ") and not any(p.startswith(">") for p in pending):
                short = Frame(file=file, line=lineno, function=rest[3:].strip() or None)
                short_printed = None
                frames.append(short)
                pending = []
                continue
            if frames and frames[-1].file == file and frames[-1].line == lineno:
                pass  # the fixture-error block already named this location
            else:
                frames.append(_long_frame(file, lineno, pending))
            if rest:
                loc_type = rest
            pending, short = [], None
            continue
        if short is not None and line.startswith("  "):
            if short.source is None and not cpy.CARET_RE.match(line):
                short_printed = line
                short.source = line.strip()
                m = DEF_RE.match(line)
                if short.function is None and m:
                    short.function = m.group("name")
            elif short_printed is not None and short.col is None and cpy.CARET_RE.match(line):
                short.col = cpy.caret_span(short_printed, line, short.source or "")
            continue
        pending.append(line)
    syntax = _e_syntax(e_lines)
    if syntax is not None:
        exc_type, message, info = syntax
        rec = ExceptionRecord(type=exc_type, message=message, frames=frames, syntax=info)
    else:
        exc_type, message = _e_message(e_lines, loc_type)
        rec = ExceptionRecord(type=exc_type, message=message, frames=frames)
    rec.relation = relation
    return rec


def _long_frame(file: str, lineno: int, block: list[str]) -> Frame:
    """A long-style entry: the function's source with `>` on the failing line."""
    marked = next((i for i, ln in enumerate(block) if ln.startswith(">")), None)
    frame = Frame(file=file, line=lineno, function=None)
    if marked is None:
        return frame
    printed = " " + block[marked][1:]
    frame.source = printed.strip()
    indent = len(printed) - len(printed.lstrip())
    for ln in reversed(block[:marked]):
        m = DEF_RE.match(ln)
        if m and len(ln) - len(ln.lstrip()) < indent:
            frame.function = m.group("name")
            break
    if marked + 1 < len(block) and cpy.CARET_RE.match(block[marked + 1]):
        frame.col = cpy.caret_span(printed, block[marked + 1], frame.source)
    return frame


def _e_syntax(e_lines: list[str]) -> tuple[str, str, SyntaxInfo] | None:
    """A SyntaxError printed in `E` lines: its `File "x", line N` block, then the exception."""
    texts = [t.strip() for t in e_lines if t.strip()]
    if len(texts) < 2:
        return None
    loc = cpy.FILE_RE.match(texts[0])
    if loc is None or loc.group("func"):
        return None
    for i, text in enumerate(texts[1:], 1):
        parsed = cpy.parse_exception_line(text)
        if parsed and parsed[0].rsplit(".", 1)[-1] in SYNTAX_TYPES:
            source = texts[1] if i > 1 and not cpy.CARET_RE.match(texts[1]) else None
            info = SyntaxInfo(file=loc.group("file"), line=int(loc.group("line")), text=source)
            return parsed[0], "\n".join([parsed[1], *texts[i + 1 :]]), info
    return None


def _e_message(e_lines: list[str], loc_type: str) -> tuple[str, str]:
    """The exception type and message from `E` lines, checked against the location's type."""
    texts = [t for t in e_lines]
    nonblank = [t for t in texts if t.strip()]
    indent = min((len(t) - len(t.lstrip()) for t in nonblank), default=0)
    texts = [t[indent:] for t in texts]
    while texts and not texts[-1].strip():
        texts.pop()
    loc_kind = loc_type.split(":", 1)[0].strip() if loc_type else ""
    if texts:
        parsed = cpy.parse_exception_line(texts[0].strip())
        if parsed and (not loc_kind or parsed[0].rsplit(".", 1)[-1] == loc_kind.rsplit(".", 1)[-1]):
            message = "\n".join([parsed[1], *texts[1:]]) if len(texts) > 1 else parsed[1]
            return parsed[0], message
        text = "\n".join(texts)
        if loc_kind and cpy.EXC_RE.match(loc_kind):
            return loc_kind, text
        if texts[0].startswith("assert"):
            return "AssertionError", text
        if texts[0].startswith("fixture '") and "not found" in texts[0]:
            return "FixtureLookupError", text
        return "", text
    if loc_type:
        return _type_message(loc_type)
    return "", ""


def _type_message(text: str) -> tuple[str, str]:
    parsed = cpy.parse_exception_line(text.strip())
    if parsed:
        return parsed
    if text.startswith("assert"):
        return "AssertionError", text
    return "", text


def summary_trace(entry: SummaryEntry) -> Trace:
    """A trace from a `FAILED node - message` line alone, when no report section matched it."""
    exc_type, message = _type_message(entry.message) if entry.message else ("", "")
    return Trace(
        chain=[ExceptionRecord(type=exc_type, message=message)],
        format="pytest-summary",
        truncated=True,
        warnings=["only pytest's summary line was found for this test: no frames"],
        test_id=entry.node,
        start_line=entry.line,
        end_line=entry.line,
        context=f"{entry.kind} {entry.node}",
    )


def section_node_suffix(name: str) -> tuple[str, bool]:
    """Turn a section title into the tail of a node id; the flag marks collection errors."""
    for lead in ("ERROR at setup of ", "ERROR at teardown of ", "ERROR at call of "):
        if name.startswith(lead):
            name = name[len(lead) :]
    if name.startswith("ERROR collecting "):
        return name[len("ERROR collecting ") :], True
    out, depth = [], 0
    for ch in name:
        depth += ch == "["
        depth -= ch == "]"
        out.append("::" if ch == "." and depth == 0 else ch)
    return "".join(out), False


def assign_test_ids(traces: list[Trace], summary: list[SummaryEntry]) -> list[Trace]:
    """Give each pytest trace its node id, from the summary when present; add summary-only ones."""
    used: set[int] = set()
    for trace in traces:
        if trace.format == "pytest-line":
            continue
        suffix, collecting = section_node_suffix(trace.context or "")
        match = None
        for k, entry in enumerate(summary):
            if k in used or not suffix:
                continue
            node = entry.node
            if node == suffix or node.endswith("::" + suffix) or node.endswith("/" + suffix):
                match = k
                break
        if match is not None:
            used.add(match)
            trace.test_id = summary[match].node
        elif suffix and not collecting:
            # pytest's first entry is the test function, in the file the node id starts with.
            test_frame = trace.chain[0].frames[0] if trace.chain[0].frames else None
            if test_frame:
                trace.test_id = f"{test_frame.file}::{suffix}"
        elif collecting:
            trace.test_id = suffix
    unmatched: list[Trace] = []
    for trace in traces:
        if trace.format != "pytest-line":
            continue
        firsts = (
            f"{trace.final.type}: {trace.final.message}".split("\n")[0],
            trace.final.message.split("\n")[0],
        )
        for k, entry in enumerate(summary):
            if k not in used and entry.message and any(_same(entry.message, f) for f in firsts):
                used.add(k)
                trace.test_id = entry.node
                break
        else:
            unmatched.append(trace)
    # --tb=line has no section titles: pair what is left in order when the counts agree.
    left = [k for k, e in enumerate(summary) if k not in used and e.kind == "FAILED"]
    if unmatched and len(left) == len(unmatched):
        for trace, k in zip(unmatched, left, strict=True):
            used.add(k)
            trace.test_id = summary[k].node
    extra = [summary_trace(e) for k, e in enumerate(summary) if k not in used]
    return traces + extra


def _same(summary_msg: str, first_line: str) -> bool:
    """pytest cuts summary messages to the terminal width and ends them with '...'."""
    if summary_msg.endswith("...") and len(summary_msg) > 3:
        return first_line.startswith(summary_msg[:-3])
    return summary_msg == first_line


def is_session_end(line: str) -> bool:
    m = SESSION_RE.match(line)
    return bool(m and RESULT_RE.search(m.group("title")) and " in " in m.group("title"))
