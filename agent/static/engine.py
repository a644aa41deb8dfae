"""The static engine: a ranked root-cause diagnosis with no model and no network."""

from __future__ import annotations

from dataclasses import dataclass, replace
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
from debugai.agent.static import patterns, ranking, signals
from debugai.agent.static.analysis import DEADLINE_SECONDS, MAX_STEPS, Analyzer, Step
from debugai.agent.static.strategies import STRATEGIES, Suspect
from debugai.agent.traceback import Trace

if TYPE_CHECKING:
    from debugai.agent.runtime.evidence import Evidence
    from debugai.indexers import CodeIndex


@dataclass(slots=True)
class _Ranked:
    suspect: Suspect
    match: patterns.Match | None
    category: str


# The wording for a value whose trail ends at an environment read (see 30_config.toml).
ENV_VALUE = "env-value-unset"
NONE_UNTRACED = "none-untraced"
NONE_LITERAL = "none-literal"

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
        weights: ranking.Weights | None = None,
        debug: bool = False,
        runtime: Evidence | None = None,
    ) -> None:
        self.runtime = runtime if runtime is not None and runtime.reproduced else None
        self.debug = debug  # DEBUGAI_DEBUG: a failing analysis raises instead of becoming a note
        self.use_git = use_git
        self.max_candidates = max_candidates
        self.deadline_seconds = deadline_seconds
        self.max_steps = max_steps
        self.weights = weights or ranking.default_weights()

    def analyzer(self, trace: Trace, index: CodeIndex) -> Analyzer:
        return Analyzer(
            index,
            followed_cause(trace),
            max_steps=self.max_steps,
            deadline_seconds=self.deadline_seconds,
        )

    def candidates(self, trace: Trace, index: CodeIndex) -> list[ranking.Candidate]:
        """Every candidate with its features, best first (what the ranking is fitted on)."""
        an = self.analyzer(trace, index)
        return self.rank(an, self._suspects(an, []), blame=False)

    def diagnose(self, trace: Trace, index: CodeIndex, context: Context | None = None) -> Diagnosis:
        return self.diagnose_ranked(trace, index, context)[0]

    def diagnose_ranked(
        self, trace: Trace, index: CodeIndex, context: Context | None = None
    ) -> tuple[Diagnosis, list[ranking.Candidate]]:
        """The diagnosis, and every candidate best first (the context takes more than are shown)."""
        start = signals.now()
        an = self.analyzer(trace, index)
        failed: list[str] = []
        ranked = self._suspects(an, failed)
        if an.exhausted:
            failed.append(
                f"the analysis stopped at its {an.exhausted} after {an.steps} steps; "
                "the suspects found until then are ranked"
            )
        cands = self.rank(an, ranked)
        diag = _error_info(trace)
        diag.engine = self.name
        diag.notes.extend(failed)
        fallback = ranked[0] if ranked else None
        for c in cands[: self.max_candidates]:
            s = _suspect_of(an, c)
            commit = s.variables.get("_commit")
            diag.candidates.append(
                Candidate(
                    file=c.file,
                    line=c.line,
                    end_line=max(c.end_line, c.line),
                    symbol=c.symbol,
                    score=round(c.probability, 3),
                    why=_with_observed(s.why, c.observed),
                    commit=commit or None,
                    observed=c.observed,
                )
            )
        if cands:
            top = cands[0]
            best = top.suspects[0] if top.suspects else None
            s = _suspect_of(an, top)
            match = best.match if best else (fallback.match if fallback else None)
            category = best.category if best else (fallback.category if fallback else "unknown")
            variables = {
                "type": an.trace.final.type,
                "message": _first_line(an.trace.final.message),
                "raise_site": _raise_label(an),
                # the template's own regex groups, whichever suspect ranked first
                **(match.groups if match is not None else {}),
                **s.variables,
            }
            ev = self.runtime
            if ev is not None and ev.origin == top.symbol and "producer_site" in variables:
                variables["producer_site"] = f"{top.file}:{top.line}"  # where the run saw it made
            use_pattern = best is not None and best.match is not None
            other = _wording(an, s, top, category, match) if use_pattern else None
            if other is not None and match is not None:
                match = patterns.Match(other, match.groups)
            explanation = (
                patterns.fill(match.pattern.explanation, variables, strict=self.debug)
                if (use_pattern and match is not None)
                else ""
            ) or s.why
            diag.root_cause = RootCause(
                file=top.file,
                line=top.line,
                end_line=max(top.end_line, top.line),
                symbol=top.symbol,
                category=category,
                explanation=explanation,
            )
            diag.chain = _hops(s)
            if self.runtime is not None:
                diag.chain = _observed_chain(diag.chain, top, self.runtime)
            if use_pattern and match is not None and match.pattern.fix:
                summary = patterns.fill(match.pattern.fix, variables, strict=self.debug)
                diag.fix = Fix(summary=summary) if summary else None
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
        return diag, cands

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

    def rank(
        self, an: Analyzer, ranked: list[_Ranked], *, blame: bool = True
    ) -> list[ranking.Candidate]:
        """Candidate functions, best first, each scored by the fitted model (see ranking)."""
        ev = self.runtime
        cands = ranking.candidates(an, ranked, ev.extra if ev is not None else ())
        seeds = [s.symbol for s in an.frames if s.symbol]
        ranking.add_pagerank(cands, signals.pagerank(an.index, seeds))
        if self.use_git:
            from debugai.agent.static.recency import add_recency

            add_recency(cands, an.index)
        ranking.score(cands, self.weights)
        if ev is not None:  # the re-run's evidence: a step after the fitted score
            from debugai.agent.runtime.combine import combine

            combine(cands, ev, an.index)
        cands.sort(key=lambda c: (-c.utility, c.file, c.line))
        if self.use_git and blame:
            self._blame(an, cands[: self.max_candidates])
        return cands

    def _blame(self, an: Analyzer, cands: list[ranking.Candidate]) -> None:
        """The commit that last touched each shown candidate (said, not scored)."""
        for c in cands:
            if not c.file.endswith(".py") or not c.suspects:
                continue
            b = signals.blame(an.index.root, c.file, c.line, max(c.end_line, c.line))
            if b is not None:
                c.suspects[0].suspect.variables["_commit"] = b[0]


def followed_cause(trace: Trace) -> Trace:
    """`raise Wrapper(...) from exc` in the repo: the failure to explain is `exc`.

    The wrapper only re-labels it, so the cause becomes the final exception, its frames joined
    below the wrapper's callers (the stack as it was when the cause was raised).
    """
    if len(trace.chain) < 2:
        return trace
    final, cause = trace.chain[-1], trace.chain[-2]
    last = final.frames[-1] if final.frames else None
    if cause.relation != "cause" or last is None or last.kind != "repo":
        return trace
    said = (last.source or "").strip()
    if not (said.startswith("raise ") and " from " in said and not said.endswith(" from None")):
        return trace
    if not any(f.kind == "repo" for f in cause.frames):
        return trace
    joined = replace(cause, frames=[*final.frames[:-1], *cause.frames], relation=None)
    return replace(trace, chain=[*trace.chain[:-2], joined])


def _suspect_of(an: Analyzer, c: ranking.Candidate) -> Suspect:
    """The candidate's best suspect, or one saying how the failing test reaches it."""
    if c.suspects:
        best: Suspect = c.suspects[0].suspect
        return best
    f = c.features
    if f.get("test_callee"):
        why = f"`{c.symbol}` is called by the failing test"
    elif f.get("test_reach"):
        why = f"`{c.symbol}` runs under the failing test"
    else:
        why = f"`{c.symbol}` is near the failure"
    step = Step(c.file, c.line, c.symbol, why, root=True, reason="code under test", kind="reach")
    site = an.raise_site
    chain = [step]
    if site is not None and (site.file, site.line) != (c.file, c.line):
        chain.append(Step(site.file, site.line, site.symbol, "raises here"))
    return Suspect(c.file, c.line, c.end_line, c.symbol, c.probability, why, chain)


def _hops(s: Suspect) -> list[Hop]:
    hops: list[Hop] = []
    for step in s.chain:
        if hops and (hops[-1].file, hops[-1].line) == (step.file, step.line):
            continue
        hops.append(
            Hop(file=step.file, line=step.line, symbol=step.symbol, explanation=step.explanation)
        )
    return hops


def _with_observed(why: str, observed: list[str]) -> str:
    if not observed:
        return why
    return f"{why} (observed: {'; '.join(observed[:2])})"


def _observed_chain(chain: list[Hop], top: ranking.Candidate, ev: Evidence) -> list[Hop]:
    """The chain as the run saw it: from where the value was made to the line that raised."""
    if ev.hops and ev.origin == top.symbol:
        hops = [Hop(file=h.file, line=h.line, symbol=h.symbol, explanation=h.explanation)
                for h in ev.hops]  # fmt: skip
        frames = ev.failing.exc_frames if ev.failing is not None else []
        if frames and frames[-1] not in {(h.file, h.line) for h in hops}:
            file, line = frames[-1]
            same = [h for h in chain if (h.file, h.line) == (file, line)]
            symbol = same[0].symbol if same else None
            what = ev.failing.exc_type if ev.failing is not None else "the error"
            hops.append(Hop(file=file, line=line, symbol=symbol, explanation=f"{what} raised here"))
        return hops
    for hop in chain:
        facts = ev.facts_of(hop.symbol)
        if facts is not None and facts.observed:
            hop.explanation = _with_observed(hop.explanation, facts.observed)
    return chain


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


def _wording(
    an: Analyzer, s: Suspect, top: ranking.Candidate, category: str, match: patterns.Match | None
) -> patterns.Pattern | None:
    """A pattern that words this root better than the matched one, or None to keep it."""
    if match is None:
        return None
    if category == "env-config" and "var" in s.variables:
        if match.pattern.category != "env-config":  # a None that is an unset variable
            return patterns.by_id(ENV_VALUE)
        return None
    if match.pattern.category != "none-propagation" or not s.chain:
        return None
    raise_site = an.raise_site
    if (
        not s.chain[0].root
        and raise_site is not None
        and (top.file, top.symbol) == (raise_site.file, raise_site.symbol)
    ):  # the None's origin was not found: do not call the raising function its maker
        return patterns.by_id(NONE_UNTRACED)
    if s.chain[0].kind == "literal":  # a None written in the code, not returned by a function
        return patterns.by_id(NONE_LITERAL)
    return None
