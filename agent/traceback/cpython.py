"""Parse one CPython traceback block (3.8-3.13): frames, carets, chains, groups, SyntaxError."""

from __future__ import annotations

import re

from debugai.agent.traceback.model import ExceptionRecord, Frame, Relation, SyntaxInfo

TB_HEADER = "Traceback (most recent call last):"
GROUP_HEADER = "Exception Group Traceback (most recent call last):"
CAUSE_MARK = "The above exception was the direct cause of the following exception"
CONTEXT_MARK = "During handling of the above exception, another exception occurred"

FILE_RE = re.compile(
    r'^(?P<indent>\s*)File "(?P<file>.*)", line (?P<line>-?\d+)(?:,? in (?P<func>.*?))?\s*$'
)
# A file printed without quotes (faulthandler on some builds, hand-edited pastes).
CARET_RE = re.compile(r"^(\s*)([~^]*\^[~^]*|~+)\s*$")
REPEAT_RE = re.compile(r"^\s*\[Previous line repeated (\d+) more times?\]\s*$")
ELIDED_RE = re.compile(r"^\s*\.\.\.<\d+ lines?>\.\.\.\s*$")
TYPE = r"[A-Za-z_][\w]*(?:\.(?:<locals>|[A-Za-z_]\w*))*"
EXC_RE = re.compile(rf"^(?P<type>{TYPE})(?::(?: ?(?P<msg>.*))?)?$")
GROUP_TOP_RE = re.compile(
    r"^(?P<indent> *)\+ Exception Group Traceback \(most recent call last\):\s*$"
)
# A top-level group whose traceback is empty prints no header, only its exception line.
GROUP_BARE_RE = re.compile(rf"^(?P<indent> *)\| {TYPE}: .*\(\d+ sub-exceptions?\)\s*$")
SUB_FIRST_RE = re.compile(r"^\+-\+-+ (?:\d+|\.\.\.) -+$")
SUB_SEP_RE = re.compile(r"^  \+-+ (?P<title>\d+|\.\.\.) -+$")
SUB_CLOSE_RE = re.compile(r"^  \+-{8,}$")
MORE_RE = re.compile(r"^and (\d+) more exceptions?$")

MAX_MESSAGE_LINES = 400
MAX_DEPTH = 40


_EXC_NAME_RE = re.compile(r"(?:Error|Exception|Interrupt|Exit|Warning|Group|Iteration|Timeout)$")


def looks_like_exception(stripped: str) -> bool:
    """An exception line for sure: `Type: message`, or a bare name that reads like an exception."""
    parsed = parse_exception_line(stripped)
    if parsed is None:
        return False
    return ":" in stripped or bool(_EXC_NAME_RE.search(parsed[0]))


def dedented_source(line: str, first: bool) -> bool:
    """Under a `File` line that lost its indentation (pasted from a web page): a source line?"""
    stripped = line.strip()
    if not stripped or FILE_RE.match(line) or REPEAT_RE.match(line):
        return False
    if CARET_RE.match(line):
        return True
    if not first or stripped in (TB_HEADER, GROUP_HEADER) or chain_mark(stripped):
        return False
    return not looks_like_exception(stripped)


_DJANGO_MARK = re.compile(
    r"^(?:The above exception \(.*\) (was) the direct cause of the following exception"
    r"|During handling of the above exception \(.*\), another exception occurred)"
)
DJANGO_TYPE = "Exception Type: "
DJANGO_VALUE = "Exception Value: "


def chain_mark(stripped: str) -> Relation | None:
    """Which link a chain separator line announces, if it is one."""
    if not stripped.startswith(("The above", "During handling")):
        return None
    if stripped.startswith(CAUSE_MARK):
        return "cause"
    if stripped.startswith(CONTEXT_MARK):
        return "context"
    # Django's copy-and-paste view names the exception in the separator.
    m = _DJANGO_MARK.match(stripped)
    if m:
        return "cause" if m.group(1) else "context"
    return None


def parse_exception_line(line: str) -> tuple[str, str] | None:
    """Split `pkg.Error: message` into (type, message); None when it is not one."""
    m = EXC_RE.match(line.rstrip())
    if not m:
        return None
    return m.group("type"), m.group("msg") or ""


def caret_span(source_printed: str, caret_line: str, stripped: str) -> tuple[int, int] | None:
    """The [start, end) span the caret line marks, relative to the stripped source."""
    indent = len(source_printed) - len(source_printed.lstrip())
    marks = [i for i, ch in enumerate(caret_line) if ch in "^~"]
    if not marks:
        return None
    start = marks[0] - indent
    end = marks[-1] + 1 - indent
    if start < 0 or start >= max(len(stripped), 1) or end <= start:
        return None
    return start, min(end, len(stripped))


class _Reader:
    """A cursor over margin-free traceback lines."""

    def __init__(self, lines: list[str], warnings: list[str], depth: int = 0) -> None:
        self.lines = lines
        self.i = 0
        self.warnings = warnings
        self.depth = depth

    def peek(self) -> str | None:
        return self.lines[self.i] if self.i < len(self.lines) else None


def parse_chain(
    lines: list[str], warnings: list[str], depth: int = 0
) -> tuple[list[ExceptionRecord], bool]:
    """Parse margin-free lines into a chain; the flag says the last exception line is missing."""
    r = _Reader(lines, warnings, depth)
    records: list[ExceptionRecord] = []
    cur: ExceptionRecord | None = None
    missing_end = False
    while r.i < len(r.lines):
        line = r.lines[r.i]
        stripped = line.strip()
        if not stripped:
            r.i += 1
            continue
        rel = chain_mark(stripped)
        if rel is not None:
            if cur is not None:
                named = _DJANGO_MARK.match(stripped)
                if named:
                    # Django prints the earlier exception's message in the separator instead.
                    cur.message = stripped[stripped.index("(") + 1 : stripped.rindex(")")]
                else:
                    # A traceback cut off before its exception line, yet the chain goes on.
                    missing_end = True
                records.append(cur)
                cur = None
            if records:
                records[-1].relation = rel
            r.i += 1
            continue
        top = GROUP_TOP_RE.match(line) or GROUP_BARE_RE.match(line)
        if top:
            if cur is not None:
                records.append(cur)
                missing_end = True
                cur = None
            sub_lines = _take_top_group(r, len(top.group("indent")))
            if depth < MAX_DEPTH:
                recs, missing = parse_chain(sub_lines, warnings, depth + 1)
                records.extend(recs)
                missing_end = missing_end or missing
            continue
        if stripped in (TB_HEADER, GROUP_HEADER):
            if cur is not None:
                records.append(cur)
                missing_end = True
            cur = ExceptionRecord(type="", message="")
            r.i += 1
            continue
        fm = FILE_RE.match(line)
        if fm:
            if cur is None:
                cur = ExceptionRecord(type="", message="")
            cur.frames.append(_read_frame(r, fm))
            continue
        rep = REPEAT_RE.match(line)
        if rep:
            if cur is not None and cur.frames:
                cur.frames[-1].repeated += int(rep.group(1))
            r.i += 1
            continue
        if ELIDED_RE.match(line) or line[:1] in (" ", "\t"):
            # Indented text outside a frame: 3.13's elided lines or stray output; skip it.
            r.i += 1
            continue
        # The exception line ends the current traceback.
        exc = cur if cur is not None else ExceptionRecord(type="", message="")
        cur = None
        parsed = parse_exception_line(stripped)
        if stripped.startswith(DJANGO_TYPE):
            exc.type, exc.message = stripped[len(DJANGO_TYPE) :].split(" at ", 1)[0].strip(), ""
        elif parsed is None:
            exc.type, exc.message = "", stripped
        else:
            exc.type, exc.message = parsed
        r.i += 1
        _read_message(r, exc)
        if exc.message.startswith(f"\n{DJANGO_VALUE}"):
            exc.message = exc.message[len(DJANGO_VALUE) + 1 :]
        _fix_syntax(exc)
        if r.peek() is not None and SUB_FIRST_RE.match(r.peek() or ""):
            _read_group(r, exc)
        records.append(exc)
    if cur is not None:
        records.append(cur)
        missing_end = True
    return records, missing_end


def _read_frame(r: _Reader, fm: re.Match[str]) -> Frame:
    """Read a `File ...` line and the source/caret lines under it."""
    indent = len(fm.group("indent"))
    func = fm.group("func")
    frame = Frame(file=fm.group("file"), line=_int(fm.group("line")), function=func)
    r.i += 1
    printed: str | None = None
    while r.i < len(r.lines):
        line = r.lines[r.i]
        if not line.strip() or FILE_RE.match(line) or REPEAT_RE.match(line):
            break
        lead = len(line) - len(line.lstrip())
        if lead <= indent and not (indent == 0 and dedented_source(line, printed is None)):
            break
        if CARET_RE.match(line):
            # Without the indentation the carets no longer line up with the source.
            if printed is not None and frame.col is None and frame.source is not None and indent:
                frame.col = caret_span(printed, line, frame.source)
        elif printed is None and not ELIDED_RE.match(line):
            printed = line
            frame.source = line.strip()
        r.i += 1
    return frame


def _read_message(r: _Reader, exc: ExceptionRecord) -> None:
    """Gather the lines that continue a multi-line message (and 3.11 notes)."""
    extra: list[str] = []
    while r.i < len(r.lines) and len(extra) < MAX_MESSAGE_LINES:
        line = r.lines[r.i]
        stripped = line.strip()
        if chain_mark(stripped) or stripped in (TB_HEADER, GROUP_HEADER):
            break
        if SUB_FIRST_RE.match(line) or GROUP_TOP_RE.match(line):
            break
        if FILE_RE.match(line) and line[:1] in (" ", "\t"):
            if _only_frames_follow(r.lines, r.i):
                # FastAPI's validation errors end their message with the endpoint's location
                # (`File "app/routes.py", line 17, in create_contact` / `POST /contacts`): no
                # exception line follows, so these frames say where, they start no traceback.
                while r.i < len(r.lines):
                    fm = FILE_RE.match(r.lines[r.i])
                    if fm:
                        exc.frames.append(_read_frame(r, fm))
                    else:
                        r.i += 1
            break
        extra.append(line)
        r.i += 1
    while extra and (not extra[-1].strip() or extra[-1].strip() == '"""'):
        # multiprocessing quotes a worker's traceback in triple quotes; the quote is not message.
        extra.pop()
    if extra:
        exc.message = "\n".join([exc.message, *extra]) if exc.message or extra else exc.message


def _only_frames_follow(lines: list[str], i: int) -> bool:
    """True when nothing but indented frame and source lines (or blanks) remain from line i."""
    for line in lines[i:]:
        stripped = line.strip()
        if stripped and (
            line[:1] not in (" ", "\t")
            or chain_mark(stripped)
            or stripped in (TB_HEADER, GROUP_HEADER)
        ):
            return False
    return True


def _fix_syntax(exc: ExceptionRecord) -> None:
    """A SyntaxError's last `File` line (no function) is its location, not a frame."""
    if not exc.frames:
        return
    last = exc.frames[-1]
    if last.function is not None:
        return
    exc.frames.pop()
    exc.syntax = SyntaxInfo(file=last.file, line=last.line, text=last.source, col=last.col)


def _take_top_group(r: _Reader, col: int) -> list[str]:
    """Cut out a top-level `+ Exception Group` block at column `col`, without its margin."""
    out: list[str] = []
    if GROUP_TOP_RE.match(r.lines[r.i]):
        out.append(GROUP_HEADER)
        r.i += 1
    bar, plus, deeper = " " * col + "|", " " * col + "+", " " * (col + 2)
    while r.i < len(r.lines):
        line = r.lines[r.i]
        if line.startswith(bar):
            out.append(line[col + 2 :] if line.startswith(bar + " ") else line[col + 1 :])
        elif line.startswith(plus) or line.startswith(deeper):
            out.append(line[col:])
        else:
            break
        r.i += 1
    return out


def _read_group(r: _Reader, exc: ExceptionRecord) -> None:
    """Read the `+-+---- 1 ----` sections under a group's exception line."""
    r.i += 1
    subs: list[list[str]] = [[]]
    more_section = False
    while r.i < len(r.lines):
        line = r.lines[r.i]
        if not line.startswith("  "):
            break
        sep = SUB_SEP_RE.match(line)
        if sep:
            more_section = sep.group("title") == "..."
            subs.append([] if not more_section else ["..."])
        elif SUB_CLOSE_RE.match(line):
            pass
        elif line.startswith("  | "):
            subs[-1].append(line[4:])
        elif line.startswith("  |"):
            subs[-1].append(line[3:])
        else:
            subs[-1].append(line[2:])
        r.i += 1
    for sub in subs:
        if sub and sub[0] == "...":
            for text in sub[1:]:
                m = MORE_RE.match(text.strip())
                if m:
                    exc.group_more += int(m.group(1))
            continue
        if not any(s.strip() for s in sub):
            continue
        if r.depth >= MAX_DEPTH:
            r.warnings.append("exception groups nested too deeply; inner ones skipped")
            continue
        recs, _ = parse_chain(sub, r.warnings, r.depth + 1)
        if recs:
            last = recs[-1]
            last.chain_before = recs[:-1]
            exc.group.append(last)
    if exc.group_more:
        r.warnings.append(
            f"{exc.short_type}: {exc.group_more} more sub-exception(s) were not printed"
        )


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
