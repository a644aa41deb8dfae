"""The last check before a diagnosis leaves the library: every `file:line` it cites exists.

A stale or mangled traceback can name a line past the end of a file (`types.py:999999`); the
engines pass such frames on as suspects. Here what does not exist is dropped (a span past the
end is cut at it) and said in one note, so no output — text, JSON, SARIF, the CI comment —
points at a line the repository does not have.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from debugai.agent.diagnosis import Diagnosis, RootCause

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex

MAX_CITED_BYTES = 5_000_000  # a cited non-Python file is counted up to here


def line_count(index: CodeIndex, file: str) -> int:
    """Lines of a repository file: indexed, or any other file under the root (`.env`,
    `pyproject.toml`: the static engine cites configuration too); 0 when there is none."""
    info = index.files.get(file)
    if info is not None:
        return info.n_lines or len(index.lines(file))
    root = Path(index.root).resolve()
    try:
        path = (root / file).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return 0
        with open(path, "rb") as fh:
            data = fh.read(MAX_CITED_BYTES)
    except (OSError, ValueError):
        return 0
    return len(data.decode("utf-8", "replace").splitlines())


def keep_real_citations(diag: Diagnosis, index: CodeIndex) -> Diagnosis:
    """diag with only citations of lines the repository has; a note names what was dropped."""
    counts: dict[str, int] = {}

    def n_lines(file: str) -> int:
        if file not in counts:
            counts[file] = line_count(index, file)
        return counts[file]

    def real(file: str, line: int) -> bool:
        return 1 <= line <= n_lines(file)

    dropped: list[str] = []
    kept = []
    for c in diag.candidates:
        if real(c.file, c.line):
            if c.end_line is not None and c.end_line > n_lines(c.file):
                c.end_line = n_lines(c.file)
            kept.append(c)
        else:
            dropped.append(f"{c.file} line {c.line}")
    diag.candidates = kept
    rc = diag.root_cause
    if rc is not None and not real(rc.file, rc.line):
        dropped.append(f"{rc.file} line {rc.line}")
        top = kept[0] if kept else None
        diag.root_cause = (
            RootCause(
                file=top.file,
                line=top.line,
                end_line=top.end_line,
                symbol=top.symbol,
                explanation=top.why,
            )
            if top is not None
            else None
        )
    elif rc is not None and rc.end_line is not None and rc.end_line > n_lines(rc.file):
        rc.end_line = n_lines(rc.file)
    hops = [h for h in diag.chain if real(h.file, h.line)]
    dropped += [f"{h.file} line {h.line}" for h in diag.chain if h not in hops]
    diag.chain = hops
    spans = []
    for s in diag.context.spans:
        last = n_lines(s.file)
        if 1 <= s.start <= last:
            s.end = max(s.start, min(s.end, last))
            spans.append(s)
    diag.context.spans = spans
    for f in diag.error.frames:
        if f.in_repo and not real(f.file, f.line):
            f.in_repo = False  # the trace says so; the repository as it is has no such line

    # Prose names places too ("`user` gets ... at app/x.py:999999"): no line there either.
    def prose(text: str) -> str:
        def one(m: re.Match[str]) -> str:
            file, line = m.group(1), int(m.group(2))
            last = n_lines(file)
            return m.group(0) if not last or 1 <= line <= last else f"{file} (line {line})"

        return _CITE.sub(one, text) if text else text

    if diag.root_cause is not None:
        diag.root_cause.explanation = prose(diag.root_cause.explanation)
    for c in diag.candidates:
        c.why = prose(c.why)
    for h in diag.chain:
        h.explanation = prose(h.explanation)
    for s in diag.context.spans:
        s.reason = prose(s.reason)
    if diag.fix is not None:
        diag.fix.summary = prose(diag.fix.summary)
    diag.notes = [prose(n) for n in diag.notes]
    if dropped:
        shown = ", ".join(dict.fromkeys(dropped))
        diag.notes.append(f"not cited, past the end of the file or not in the repository: {shown}")
    return diag


_CITE = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.\w+):(-?\d+)")
