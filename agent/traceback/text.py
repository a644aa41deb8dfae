"""Turning raw bytes and log lines into clean text lines a traceback parser can read."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator

# CSI (colours, cursor moves), OSC (titles, hyperlinks) and lone two-byte escapes.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]")
# Other control characters that terminals hide; tab is kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

MAX_LINE = 20_000


def clean_line(line: str) -> str:
    """Strip colour codes, carriage returns and control bytes from one line."""
    if "\r" in line:
        line = line.rstrip("\r\n")
        if "\r" in line:
            # A terminal shows what was written after the last carriage return.
            parts = [p for p in line.split("\r") if p.strip()]
            line = parts[-1] if parts else ""
    else:
        line = line.rstrip("\n")
    if "\x1b" in line:
        line = _ANSI.sub("", line)
    if "\ufeff" in line:
        # A byte-order mark left in the text (or mid-file after concatenation) is invisible.
        line = line.replace("\ufeff", "")
    if len(line) > MAX_LINE:
        line = line[:MAX_LINE]
    if not line.isprintable() and _CONTROL.search(line):
        line = _CONTROL.sub("", line)
    return line


def decode_bytes(data: bytes) -> str:
    """Decode whatever a user pasted: UTF-8/16 with or without BOM, or anything else."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if _looks_utf16(data):
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        # Mostly undecodable text is more likely a legacy 8-bit code page than broken UTF-8.
        if text.count("\ufffd") > max(8, len(data) // 50):
            return data.decode("cp1252", errors="replace")
        return text


def _looks_utf16(data: bytes) -> bool:
    """PowerShell's `>` writes UTF-16; every other byte of ASCII text is then NUL."""
    head = data[:400]
    if len(head) < 8:
        return False
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    return max(even, odd) > 0.8 * half and min(even, odd) < 0.1 * half


def split_lines(text: str) -> list[str]:
    """Split on \\n only (messages may hold form feeds or U+2028) and keep CR handling per line."""
    return text.split("\n")


def iter_decoded_lines(chunks: Iterable[bytes], chunk_hint: int = 1 << 20) -> Iterator[str]:
    """Decode a byte stream incrementally into lines, with bounded memory."""
    decoder: codecs.IncrementalDecoder | None = None
    pending = ""
    first = True
    for chunk in chunks:
        if first:
            first = False
            if chunk.startswith(codecs.BOM_UTF8):
                chunk = chunk[3:]
                decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
            elif chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
            elif _looks_utf16(chunk):
                enc = "utf-16-le" if chunk[1:2] == b"\x00" else "utf-16-be"
                decoder = codecs.getincrementaldecoder(enc)(errors="replace")
            else:
                decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        assert decoder is not None
        pending += decoder.decode(chunk)
        if "\n" in pending:
            lines = pending.split("\n")
            pending = lines.pop()
            yield from lines
        if len(pending) > chunk_hint * 4:
            # One enormous line (binary garbage): hand it on in pieces rather than grow forever.
            yield pending[:MAX_LINE]
            pending = ""
    if decoder is not None:
        pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


# --- log prefixes --------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"(?:\\ )+|\s+")


def prefix_pattern(prefix: str) -> re.Pattern[str] | None:
    """A regex matching `prefix` and its siblings on later lines (other timestamps, padding)."""
    if not prefix or len(prefix) > 400:
        return None
    core = prefix.rstrip()
    # The whitespace that ends the prefix is kept exact: what follows is the frame indentation.
    trailing = prefix[len(core) :]
    out = []
    pos = 0
    for m in _DIGITS.finditer(core):
        out.append(_SPACES.sub(r"\\s*", re.escape(core[pos : m.start()])))
        out.append(r"\d+")
        pos = m.end()
    out.append(_SPACES.sub(r"\\s*", re.escape(core[pos:])))
    pattern = "".join(out) + re.escape(trailing)
    try:
        return re.compile(pattern)
    except re.error:
        return None


# A line that opens a new log record or tool output, so it cannot continue an exception message.
_RECORD_START = re.compile(
    r"""^(?:
        \[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d          # ISO timestamps
      | \[?\d\d:\d\d:\d\d                          # clock times
      | \[\d\d/[A-Z][a-z]{2}/\d{4}                  # [05/Mar/2024 10:12:01] (Django, Apache)
      | \d{1,3}(?:\.\d{1,3}){3}\ -\                  # access logs
      | [A-Z][a-z]{2}\ [ \d]\d\ \d\d:\d\d:\d\d     # syslog
      | \[?(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL|TRACE|NOTICE)\b[\]:\s]
      | [IWEF]\d{4}\ \d\d:\d\d                     # glog
      | ={3,}|_{3,}|-{20,}|!{5,}                   # pytest and IPython banners
      | \$\ |>>>\ |In\ \[\d+\]:                    # prompts
      | ```|~~~                                     # Markdown fences
      | \#\#\[|::(?:error|warning|group)           # CI runners
      | make(?:\[\d+\])?:\ \*\*\*
      | Error:\ Process\ completed
      | Traceback\ \(
      | (?:FAILED|ERROR|PASSED)\ \S+
    )""",
    re.VERBOSE,
)


def looks_like_record_start(line: str) -> bool:
    return bool(_RECORD_START.match(line))
