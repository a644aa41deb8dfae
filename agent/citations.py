"""The last check before a diagnosis leaves the library: every `file:line` it cites exists.

A stale or mangled traceback can name a line past the end of a file (`types.py:999999`); the
engines pass such frames on as suspects. Here what does not exist is dropped (a span past the
end is cut at it) and said in one note, so no output — text, JSON, SARIF, the CI comment —
points at a line the repository does not have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from debugai.agent.diagnosis import Diagnosis, RootCause

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex


def keep_real_citations(diag: Diagnosis, index: CodeIndex) -> Diagnosis:
    """diag with only citations of lines the repository has; a note names what was dropped."""

    def n_lines(file: str) -> int:
        info = index.files.get(file)
        if info is None:
            return 0
        return info.n_lines or len(index.lines(file))

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
    if dropped:
        shown = ", ".join(dict.fromkeys(dropped))
        diag.notes.append(f"not cited, past the end of the file or not in the repository: {shown}")
    return diag
