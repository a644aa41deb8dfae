"""The static engine: a ranked root-cause diagnosis with no model and no network."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from debugai.agent.context import Context
from debugai.agent.diagnosis import (
    Candidate,
    ContextOut,
    Diagnosis,
    ErrorFrame,
    ErrorInfo,
    Fix,
    Hop,
    RootCause,
    SpanOut,
    Usage,
)
from debugai.agent.static import patterns, signals
from debugai.agent.static.analysis import DEADLINE_SECONDS, MAX_STEPS, Analyzer
from debugai.agent.static.strategies import STRATEGIES, Suspect
from debugai.agent.traceback import Trace

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex


@dataclass(slots=True)
class _Ranked:
    suspect: Suspect
    match: patterns.Match | None
    category: str


# Strategies that live beside the general signals (they reuse the graph neighbourhood).
EXTRA = {"shared_state": signals.shared_state_suspects}


class StaticEngine:
    """Follows the failing value backwards; ranks with evidence, graph rank and git history."""

    name = "static"

    def __init__(
        self,
        *,
        use_git: bool = True,
        max_candidates: int = 10,
        deadline_seconds: float = DEADLINE_SECONDS,
        max_steps: int = MAX_STEPS,
        debug: bool = False,
    ) -> None:
        self.debug = debug  # DEBUGAI_DEBUG: a failing analysis raises instead of becoming a note
        self.use_git = use_git
        self.max_candidates = max_candidates
        self.deadline_seconds = deadline_seconds
        self.max_steps = max_steps

    def diagnose(self, trace: Trace, index: CodeIndex, context: Context | None = None) -> Diagnosis:
        start = signals.now()
        an = Analyzer(
            index, trace, max_steps=self.max_steps, deadline_seconds=self.deadline_seconds
        )
        failed: list[str] = []
        ranked = self._suspects(an, failed)
        if an.exhausted:
            failed.append(
                f"the analysis stopped at its {an.exhausted} after {an.steps} steps; "
                "the suspects found until then are ranked"
            )
        ranked = self._rank(an, ranked)
        diag = _error_info(trace)
        diag.engine = self.name
        diag.notes.extend(failed)
        best = ranked[0] if ranked else None
        for r in ranked[: self.max_candidates]:
            s = r.suspect
            commit = s.variables.get("_commit")
            diag.candidates.append(
                Candidate(
                    file=s.file,
                    line=s.line,
                    end_line=max(s.end_line, s.line),
                    symbol=s.symbol,
                    score=round(min(1.0, s.score), 3),
                    why=s.why,
                    commit=commit or None,
                )
            )
        if best is not None:
            s = best.suspect
            variables = {
                "type": trace.final.type,
                "message": _first_line(trace.final.message),
                "raise_site": _raise_label(an),
                **s.variables,
            }
            explanation = (
                patterns.fill(best.match.pattern.explanation, variables) if (best.match) else s.why
            )
            diag.root_cause = RootCause(
                file=s.file,
                line=s.line,
                end_line=max(s.end_line, s.line),
                symbol=s.symbol,
                category=best.category,
                explanation=explanation,
            )
            diag.chain = _hops(s)
            if best.match is not None and best.match.pattern.fix:
                diag.fix = Fix(summary=patterns.fill(best.match.pattern.fix, variables))
        if context is not None:
            diag.context = ContextOut(
                tokens=context.tokens,
                spans=[
                    SpanOut(
                        file=sp.file, start=sp.start, end=sp.end, symbol=sp.symbol, reason=sp.reason
                    )
                    for sp in context.spans
                ],
            )
        diag.usage = Usage(seconds=round(signals.now() - start, 3))
        return diag

    def _suspects(self, an: Analyzer, failed: list[str]) -> list[_Ranked]:
        out: list[_Ranked] = []
        exceptions = list(reversed(an.trace.chain))  # the final one first, then its causes
        done: set[str] = set()
        penalty = 0.0
        for depth, exc in enumerate(exceptions[:3]):
            if depth:  # `raise X from Y`: Y is the real failure; "during handling" is weaker
                penalty += 0.03 if exceptions[depth].relation == "cause" else 0.1
            # Every matching pattern gets its say; earlier (more specific) ones weigh a little more.
            for order, m in enumerate(patterns.match(exc.type, exc.message)):
                strategy = STRATEGIES.get(m.pattern.strategy) or EXTRA.get(m.pattern.strategy)
                if strategy is None or m.pattern.strategy in done:
                    continue
                done.add(m.pattern.strategy)
                try:
                    found = list(strategy(an, m))
                except Exception as exc:  # one analysis failing must not cost the diagnosis
                    if self.debug:
                        raise
                    failed.append(
                        f"the {m.pattern.strategy} analysis failed ({type(exc).__name__}: "
                        f"{str(exc)[:120]}); its suspects are missing (DEBUGAI_DEBUG=1 shows why)"
                    )
                    continue
                for s in found:
                    s.score -= penalty + 0.02 * order
                    out.append(_Ranked(s, m, s.variables.get("category") or m.pattern.category))
        fallback = out[0].category if out else "unknown"
        for s in signals.frame_suspects(an):
            out.append(_Ranked(s, out[0].match if out else None, fallback))
        return out

    def _rank(self, an: Analyzer, ranked: list[_Ranked]) -> list[_Ranked]:
        seeds = [s.symbol for s in an.frames if s.symbol]
        pr = signals.pagerank(an.index, seeds)
        top = max(pr.values(), default=0.0) or 1.0
        merged: dict[tuple[str, int], _Ranked] = {}
        per_symbol: dict[str, int] = {}
        for r in ranked:
            s = r.suspect
            if s.symbol:
                s.score += 0.08 * pr.get(s.symbol, 0.0) / top
                per_symbol[s.symbol] = per_symbol.get(s.symbol, 0) + 1
            key = (s.file, s.line)
            if key not in merged or merged[key].suspect.score < s.score:
                merged[key] = r
        for r in merged.values():  # several lines of evidence pointing at one function
            if r.suspect.symbol and per_symbol.get(r.suspect.symbol, 0) > 1:
                r.suspect.score += 0.02
        result = sorted(
            merged.values(), key=lambda r: (-r.suspect.score, r.suspect.file, r.suspect.line)
        )
        if self.use_git:
            self._blame(an, result[: self.max_candidates])
        return sorted(result, key=lambda r: (-r.suspect.score, r.suspect.file, r.suspect.line))

    def _blame(self, an: Analyzer, ranked: list[_Ranked]) -> None:
        found = []
        for r in ranked:
            s = r.suspect
            if not s.file.endswith(".py"):
                continue
            b = signals.blame(an.index.root, s.file, s.line, max(s.end_line, s.line))
            if b is not None:
                found.append((r, b))
        if len({t for _, (_, t) in found}) < 2:  # one commit for everything says nothing
            for r, (sha, _) in found:
                r.suspect.variables["_commit"] = sha
            return
        newest = max(t for _, (_, t) in found)
        for r, (sha, t) in found:
            r.suspect.variables["_commit"] = sha
            r.suspect.score += signals.recency_bonus(t, newest)


def _hops(s: Suspect) -> list[Hop]:
    hops: list[Hop] = []
    for step in s.chain:
        if hops and (hops[-1].file, hops[-1].line) == (step.file, step.line):
            continue
        hops.append(
            Hop(file=step.file, line=step.line, symbol=step.symbol, explanation=step.explanation)
        )
    return hops


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else ""


def _raise_label(an: Analyzer) -> str:
    site = an.raise_site
    return f"{site.file}:{site.line}" if site else "?"


def _error_info(trace: Trace) -> Diagnosis:
    final = trace.final
    frames = [
        ErrorFrame(
            file=f.repo_path or f.file,
            line=f.repo_line or f.line or 0,
            function=f.function or "?",
            in_repo=f.kind == "repo",
        )
        for f in final.frames
    ]
    return Diagnosis(error=ErrorInfo(type=final.type, message=final.message, frames=frames))
