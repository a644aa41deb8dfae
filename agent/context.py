"""Context selection: walk the graph from the traceback's repo frames and pack a token budget."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from debugai.agent.traceback import Trace
    from debugai.indexers import CodeIndex


@dataclass(slots=True)
class Span:
    """A piece of repository code chosen for the context, with the reason it was chosen."""

    file: str  # repo-relative POSIX path
    start: int  # 1-based, inclusive
    end: int  # inclusive
    symbol: str | None
    reason: str
    score: float = 0.0
    text: str = ""  # the source lines start..end
    tokens: int = 0


@dataclass(slots=True)
class Context:
    spans: list[Span] = field(default_factory=list)
    budget: int = 8000
    tokens: int = 0
    dropped: int = 0  # spans ranked but left out for the budget

    def contains(self, file: str, line: int) -> bool:
        return any(s.file == file and s.start <= line <= s.end for s in self.spans)


# -- selection --------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|[^\w\s]")
MAX_SPAN_LINES = 60
WINDOW = 15
MAX_GROWN_LINES = 250  # a span grown to its whole definition stops here
GROWN_FIRST = 8  # spans (frames, best candidates) grown whole as they are packed


def estimate_tokens(text: str) -> int:
    """A local estimate of BPE tokens for code (no tokenizer download): words + symbols."""
    words = _TOKEN.findall(text)
    # Long identifiers split into several BPE tokens; whitespace runs cost about one per line.
    return sum(1 + len(w) // 8 for w in words) + text.count("\n") // 2


@dataclass(slots=True)
class Hint:
    """A place the engine already suspects; it always gets a span if the budget allows."""

    file: str
    line: int
    symbol: str | None
    reason: str
    score: float
    end_line: int | None = None


def select_context(
    trace: Trace, index: CodeIndex, budget: int = 8000, hints: Sequence[Hint] = ()
) -> Context:
    """Walk the graph from the repo frames, rank what matters, pack it into the token budget."""
    wanted: list[tuple[float, str, int, int, str | None, str]] = []  # score, file, lo, hi, sym, why
    frames = [f for f in trace.all_frames if f.kind == "repo" and f.repo_path in index.files]
    for i, fr in enumerate(reversed(frames)):
        assert fr.repo_path is not None
        line = fr.repo_line or fr.line or 1
        sym = index.symbol_at(fr.repo_path, line)
        lo, hi = _span_for(sym.line if sym else line, sym.end_line if sym else line, line)
        why = "raises here" if i == 0 else "calls into the failure (traceback frame)"
        wanted.append((1.0 - 0.05 * i, fr.repo_path, lo, hi, sym.id if sym else None, why))
        if sym is None:
            continue
        for callee, cline in index.callees(sym.id)[:8]:
            _add_symbol(
                wanted, index, callee, 0.5 - 0.03 * i, f"called by {sym.id} at line {cline}"
            )
        # Callers are the traceback's outer frames, already here; other call sites come in as
        # the engine's hints when they matter (signature drift), not by a repo-wide lookup.
    for h in hints:
        sym = index.symbols.get(h.symbol) if h.symbol else None
        if sym is not None and sym.kind == "function":
            lo, hi = _span_for(sym.line, sym.end_line, h.line)
        else:
            lo, hi = max(1, h.line - 3), (h.end_line or h.line) + 3
        wanted.append((0.6 + h.score, h.file, lo, hi, h.symbol, h.reason))
    involved = {w[4] for w in wanted if w[4]}
    for r in index.env_reads:
        if r.symbol in involved:
            wanted.append((0.45, r.file, r.line, r.line, r.symbol, f"reads env var {r.var}"))
    return _pack(index, wanted, budget)


def _span_for(start: int, end: int, focus: int) -> tuple[int, int]:
    if end - start + 1 <= MAX_SPAN_LINES:
        return start, end
    lo = max(start, focus - WINDOW)
    return lo, min(end, focus + WINDOW)


def _add_symbol(
    wanted: list[tuple[float, str, int, int, str | None, str]],
    index: CodeIndex,
    sym_id: str,
    score: float,
    why: str,
) -> None:
    sym = index.symbols.get(sym_id)
    if sym is None or sym.kind == "module":
        return
    lo, hi = _span_for(sym.line, sym.end_line, sym.line)
    wanted.append((score, sym.file, lo, hi, sym.id, why))


def _pack(
    index: CodeIndex, wanted: list[tuple[float, str, int, int, str | None, str]], budget: int
) -> Context:
    ctx = Context(budget=budget)
    wanted.sort(key=lambda w: -w[0])
    taken: dict[str, list[Span]] = {}
    for score, file, lo, hi, sym, why in wanted:
        lines = index.lines(file)
        lo, hi = max(1, lo), min(len(lines), hi)
        if hi < lo:
            continue
        if any(s.start <= lo and hi <= s.end for s in taken.get(file, [])):
            continue  # already inside a chosen span
        text = "\n".join(lines[lo - 1 : hi])
        cost = estimate_tokens(text) + 12  # the span's header line
        if ctx.tokens + cost > budget:
            ctx.dropped += 1
            continue
        span = Span(file, lo, hi, sym, why, round(score, 3), text, cost)
        taken.setdefault(file, []).append(span)
        ctx.spans.append(span)
        ctx.tokens += cost
        if len(ctx.spans) <= GROWN_FIRST:  # the best-ranked are whole before the tail comes in
            _grow(index, ctx, taken, only=span)
    _grow(index, ctx, taken)
    ctx.spans.sort(key=lambda s: -s.score)
    return ctx


def _grow(
    index: CodeIndex, ctx: Context, taken: dict[str, list[Span]], only: Span | None = None
) -> None:
    """Spend what the budget has left on whole definitions, best-ranked first.

    A window of a long function, or a class cut to its first lines, can miss the line that is
    wrong: what the model is not shown it cannot find. Spans inside a grown one are merged.
    """
    merged: set[int] = set()  # ids of spans folded into a grown one
    for span in [only] if only is not None else sorted(ctx.spans, key=lambda s: -s.score):
        if id(span) in merged:
            continue
        sym = index.symbols.get(span.symbol) if span.symbol else None
        if sym is None or sym.kind == "module" or sym.file != span.file:
            continue
        lines = index.lines(span.file)
        lo = min(span.start, sym.decorated_line or sym.line)
        hi = min(len(lines), max(span.end, min(sym.end_line, lo + MAX_GROWN_LINES - 1)))
        if lo >= span.start and hi <= span.end:
            continue
        inside = [s for s in taken[span.file] if s is not span and lo <= s.start and s.end <= hi]
        text = "\n".join(lines[lo - 1 : hi])
        cost = estimate_tokens(text) + 12
        extra = cost - span.tokens - sum(s.tokens for s in inside)
        if ctx.tokens + extra > ctx.budget:
            continue
        for s in inside:
            merged.add(id(s))
            taken[span.file].remove(s)
            ctx.spans.remove(s)
            span.score = max(span.score, s.score)
        span.start, span.end, span.text, span.tokens = lo, hi, text, cost
        ctx.tokens += extra
