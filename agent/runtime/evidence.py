"""From what the probe saw to facts about the repository's functions.

Per function (index symbol id): whether the failing test ran it (or the import before it), its
Ochiai spectrum score when passing tests ran too (function level, and the best of its lines),
whether it is where the failing value came from (the call that returned the value that later
crashed, followed down through the functions that only passed it on), and the environment keys
it read. Every recorded value shown goes through the run's Redactor.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from debugai.agent.redact import Redactor
from debugai.agent.runtime.run import Observation, Return, TestRun
from debugai.indexers.files import is_test_path

if TYPE_CHECKING:
    from debugai.agent.traceback import Trace
    from debugai.indexers import CodeIndex

MAX_DESCENT = 12  # hops followed from the crash down to where the value was made
MAX_EXTRA = 20  # functions the run adds as candidates beyond the static ones
MIN_EXTRA_OCHIAI = 0.7  # a function the static engine missed joins when its spectrum is this high
SPECTRUM_EXTRA = 10  # ... and so do the spectrum's first this many, however low their Ochiai
_QUOTED = re.compile(r"'([A-Za-z_]\w*)'")
# `return None`, `return 0`, `return 'text' + 'more'`, `return []`: a value made from nothing
_LITERAL_RETURN = re.compile(
    r"^\s*return\s+(None|True|False|-?[\d.]+|[rbuf]*(['\"]).*\2(\s*\+\s*[rbuf]*(['\"]).*\4)*"
    r"|\[\]|\{\}|\(\)|\w+\(\))\s*(#.*)?$"
)
_NONE = re.compile(r"\bNone(Type)?\b")


@dataclass(slots=True)
class Facts:
    executed: bool = False
    ochiai: float | None = None
    line_ochiai: float | None = None
    origin: float = 0.0  # 1: made the failing value; 0.5: passed it on
    made: float = 0.0  # its own return made the failing value (1; 0.75 for a later seed)
    made_literal: bool = False  # ... and that return is a literal (`return None`, `return ''`)
    compared: float = 0.0  # its return made a value the failing assertion compared (as `made`)
    passed_on: bool = False  # it returned a value a callee made, unchanged
    received: bool = False  # it called the function that handed the failing value to the crash
    test_callee: bool = False  # the failing test's own file called it
    failing_only: int = 0  # its lines that only failing tests ran (with a spectrum)
    spectrum_rank: float | None = None  # its place among the code the failing test ran (1: first)
    env_read: bool = False
    observed: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ObservedHop:
    file: str
    line: int
    symbol: str | None
    explanation: str


@dataclass(slots=True)
class Evidence:
    observation: Observation
    reproduced: bool
    note: str = ""
    failing: TestRun | None = None
    facts: dict[str, Facts] = field(default_factory=dict)
    ran: set[str] = field(default_factory=set)  # symbols run by the failing test or at import
    hops: list[ObservedHop] = field(default_factory=list)  # origin first, toward the crash
    origin: str | None = None
    spectrum: bool = False
    extra: list[str] = field(default_factory=list)  # symbols to add as candidates

    def facts_of(self, symbol: str | None) -> Facts | None:
        return self.facts.get(symbol or "")


class _Symbols:
    """(file, line) -> the innermost symbol id, cached; None outside the index."""

    def __init__(self, index: CodeIndex) -> None:
        self.index = index
        self.cache: dict[tuple[str, int], str | None] = {}

    def at(self, file: str, line: int) -> str | None:
        key = (file, line)
        if key not in self.cache:
            sym = self.index.symbol_at(file, line) if file in self.index.files else None
            self.cache[key] = sym.id if sym is not None else None
        return self.cache[key]

    def in_tests(self, sid: str) -> bool:
        sym = self.index.symbols.get(sid)
        return sym is not None and is_test_path(sym.file)

    def is_function(self, sid: str) -> bool:
        sym = self.index.symbols.get(sid)
        return sym is not None and sym.kind == "function"

    def of_test(self, t: TestRun) -> set[str]:
        out: set[str] = set()
        for f, lines in t.lines.items():
            for ln in lines:
                sid = self.at(f, ln)
                if sid is not None:
                    out.add(sid)
        return out


def _short(exc_type: str) -> str:
    return exc_type.rsplit(".", 1)[-1]


def _pick_failing(obs: Observation, trace: Trace) -> tuple[TestRun | None, str]:
    failed = [t for t in obs.tests if t.is_test and t.outcome == "failed"]
    if not failed:
        return None, ""
    wanted = {_short(e.type) for e in trace.chain}
    test_id = trace.test_id or ""
    same = [t for t in failed if _short(t.exc_type) in wanted]
    named = [t for t in same if test_id and (t.id == test_id or t.id.endswith(test_id))]
    if named or same:
        return (named or same)[0], ""
    got = failed[0].exc_type or "a failure"
    return None, f"it failed with {got}, not {_short(trace.final.type)}"


def gather(obs: Observation, trace: Trace, index: CodeIndex, redactor: Redactor) -> Evidence:
    """The facts the run gives about the repository's functions, or why it gives none."""
    failing, mismatch = _pick_failing(obs, trace)
    passed, failed = obs.count("passed"), obs.count("failed")
    if failing is None:
        why = (
            mismatch
            or obs.problem
            or (f"no test failed ({passed} passed)" if obs.tests else "nothing was recorded")
        )
        return Evidence(obs, False, f"--run did not reproduce the failure: {why}; "
                        "the static diagnosis is kept")  # fmt: skip
    ev = Evidence(obs, True, failing=failing)
    syms = _Symbols(index)
    per_test = {id(t): syms.of_test(t) for t in obs.tests}
    failing_syms = per_test[id(failing)]
    ev.ran = set(failing_syms)
    for t in obs.tests:
        if not t.is_test:
            ev.ran |= per_test[id(t)]
    for sid in failing_syms:
        ev.facts.setdefault(sid, Facts()).executed = True
    _origin(ev, trace, failing, syms, redactor)
    _callers(ev, failing, syms)
    for key, present, file, line in failing.env:
        env_sid = syms.at(file, line)
        if env_sid is None:
            continue
        facts = ev.facts.setdefault(env_sid, Facts())
        facts.env_read = True
        state = "set" if present else "not set"
        text = f"read env {redactor.redact(key)} ({state}) at {file}:{line}"
        if text not in facts.observed:
            facts.observed.append(text)
    # Last, so that what the run saw of the value (returned None, read env) is listed before the
    # spectrum's places: the summary and the prompt show a candidate's first two facts.
    _spectrum(ev, obs, syms, per_test)
    ev.extra = _extra(ev, index)
    ev.note = (
        f"--run reproduced the failure in {failing.id} ({obs.backend} tracer, "
        f"{passed} passed, {failed} failed)"
    )
    return ev


def _spectrum(
    ev: Evidence, obs: Observation, syms: _Symbols, per_test: dict[int, set[str]]
) -> None:
    """Ochiai: ef / sqrt(F * (ef + ep)) per function and per line, when a passing test ran."""
    runs = [t for t in obs.tests if t.is_test and t.outcome in ("passed", "failed")]
    fails = [t for t in runs if t.outcome == "failed"]
    passes = [t for t in runs if t.outcome == "passed"]
    if not passes or not fails:
        return
    ev.spectrum = True
    n_fail = len(fails)
    counts: dict[str, list[int]] = {}
    for t in runs:
        slot = 0 if t.outcome == "failed" else 1
        for sid in per_test[id(t)]:
            counts.setdefault(sid, [0, 0])[slot] += 1
    for sid, (ef, ep) in counts.items():
        if ef and not syms.in_tests(sid):
            ev.facts.setdefault(sid, Facts()).ochiai = ef / math.sqrt(n_fail * (ef + ep))
    line_counts: dict[tuple[str, int], list[int]] = {}
    failing_lines = {
        (f, ln)
        for t in fails
        for f, lines in t.lines.items()
        if not is_test_path(f)  # the test's own lines always rank first: they say nothing
        for ln in lines
    }
    for t in runs:
        slot = 0 if t.outcome == "failed" else 1
        for f, lines in t.lines.items():
            for ln in lines:
                if (f, ln) in failing_lines:
                    line_counts.setdefault((f, ln), [0, 0])[slot] += 1
    for (f, ln), (ef, ep) in line_counts.items():
        line_sid = syms.at(f, ln)
        if line_sid is None or not ef:
            continue
        score = ef / math.sqrt(n_fail * (ef + ep))
        facts = ev.facts.setdefault(line_sid, Facts())
        if not ep:
            facts.failing_only += 1
        if facts.line_ochiai is None or score > facts.line_ochiai:
            facts.line_ochiai = score
    for facts in ev.facts.values():
        # The function ran in passing tests too, but these lines only in the failing one.
        line, func = facts.line_ochiai or 0.0, facts.ochiai or 0.0
        if line >= 0.99 and 0 < func < 0.99:
            facts.observed.append("has lines only the failing test ran")
    _rank_spectrum(ev, syms)


def _rank_spectrum(ev: Evidence, syms: _Symbols) -> None:
    """Each function's place in the spectrum (best line's Ochiai, then its own), ties averaged:
    a place travels across test suites of any size, where a raw Ochiai of 0.6 may lead one
    and trail another."""
    scored = [
        (round(f.line_ochiai, 6), round(f.ochiai or 0.0, 6), sid)
        for sid, f in ev.facts.items()
        if f.line_ochiai and syms.is_function(sid)
    ]
    scored.sort(reverse=True)
    before = 0  # functions placed ahead of this group of ties
    for (line, _), group in itertools.groupby(scored, key=lambda s: s[:2]):
        tied = [sid for *_, sid in group]
        place = before + (len(tied) + 1) / 2  # the mean of their places
        before += len(tied)
        for sid in tied:
            ev.facts[sid].spectrum_rank = place
            if place <= 3:
                ev.facts[sid].observed.append(
                    f"the test spectrum ranks it {place:g} of {len(scored)} functions run "
                    f"(best line Ochiai {line:.2f})"
                )


def _bad_types(trace: Trace) -> set[str]:
    text = "\n".join(e.message for e in trace.chain)
    out = set(_QUOTED.findall(text))
    if _NONE.search(text):
        out.add("NoneType")
    return out


def _seeds(failing: TestRun, trace: Trace, syms: _Symbols) -> list[int]:
    """Indexes of the returns that handed the failing value to a frame of the exception."""
    frames = failing.exc_frames
    if not frames:
        return []
    rets = failing.returns
    is_assert = _short(trace.final.type) in ("AssertionError", "Failed")
    bad = set() if is_assert else _bad_types(trace)

    def fits(r: Return) -> bool:
        return not bad or r.type in bad

    places = set(frames[-1:]) if is_assert else set(frames)
    exact = [i for i, r in enumerate(rets) if (r.call_file, r.call_line) in places and fits(r)]
    if exact:
        return exact[::-1] if is_assert else exact[-1:]
    if is_assert:
        return []
    funcs = {syms.at(f, ln) for f, ln in frames} - {None}
    near = [
        i
        for i, r in enumerate(rets)
        if r.call_file and r.call_line and syms.at(r.call_file, r.call_line) in funcs and fits(r)
    ]
    return near[-1:]


def _descend(rets: list[Return], i: int) -> list[int]:
    """From a return, the earlier returns that produced the same value on its return line."""
    path = [i]
    for _ in range(MAX_DESCENT):
        r = rets[path[-1]]
        below = next(
            (
                j
                for j in range(path[-1] - 1, -1, -1)
                if (rets[j].call_file, rets[j].call_line) == (r.file, r.line)
                and rets[j].type == r.type
                and rets[j].repr == r.repr
            ),
            None,
        )
        if below is None:
            break
        path.append(below)
    return path


def _origin(
    ev: Evidence, trace: Trace, failing: TestRun, syms: _Symbols, redactor: Redactor
) -> None:
    rets = failing.returns
    is_assert = _short(trace.final.type) in ("AssertionError", "Failed")
    for n, seed in enumerate(_seeds(failing, trace, syms)[:3]):
        path = _descend(rets, seed)
        origin = rets[path[-1]]
        sid = syms.at(origin.file, origin.line)
        if sid is None:
            continue
        value = redactor.redact(origin.repr) if origin.repr is not None else f"a {origin.type}"
        facts = ev.facts.setdefault(sid, Facts())
        facts.origin = max(facts.origin, 1.0 if n == 0 else 0.75)
        weight = 1.0 if n == 0 else 0.75
        if is_assert:  # an assertion compares what the test computed: a weaker link than a crash's
            facts.compared = max(facts.compared, weight)
        else:
            facts.made = max(facts.made, weight)
        facts.made_literal |= _literal_return(syms.index, origin.file, origin.line)
        handed = rets[path[0]]
        rsid = (
            syms.at(handed.call_file, handed.call_line)
            if handed.call_file and handed.call_line
            else None
        )
        if rsid is not None and rsid != sid:
            ev.facts.setdefault(rsid, Facts()).received = True
        facts.observed.append(f"`{origin.name}` returned {value} at {origin.file}:{origin.line}")
        if n == 0:
            ev.origin = sid
            ev.hops.append(ObservedHop(origin.file, origin.line, sid,
                                       f"observed: `{origin.name}` returned {value}"))  # fmt: skip
        for j in reversed(path[:-1]):
            r = rets[j]
            psid = syms.at(r.file, r.line)
            if psid is None:
                continue
            pf = ev.facts.setdefault(psid, Facts())
            pf.origin = max(pf.origin, 0.5)
            pf.passed_on = True
            text = f"`{r.name}` passed on {value} at {r.file}:{r.line}"
            if text not in pf.observed:
                pf.observed.append(text)
            if n == 0:
                ev.hops.append(ObservedHop(r.file, r.line, psid, f"observed: {text}"))


def _literal_return(index: CodeIndex, file: str, line: int) -> bool:
    try:
        with open(index.root / file, encoding="utf-8", errors="replace") as fh:
            text = next((t for n, t in enumerate(fh, 1) if n == line), "")
    except OSError:
        return False
    return _LITERAL_RETURN.match(text) is not None


def _callers(ev: Evidence, failing: TestRun, syms: _Symbols) -> None:
    """The functions the failing test's own file called (the test body and its helpers)."""
    test_file = failing.id.split("::", 1)[0]
    for r in failing.returns:
        if r.call_file == test_file and r.file != test_file:
            sid = syms.at(r.file, r.line)
            if sid is not None:
                ev.facts.setdefault(sid, Facts()).test_callee = True


def _extra(ev: Evidence, index: CodeIndex) -> list[str]:
    """Functions the run points at: the value's origin and its carriers, then the spectrum's top."""
    out = [sid for sid, f in ev.facts.items() if f.origin > 0]
    out.sort(key=lambda s: -ev.facts[s].origin)
    ranked = sorted(
        (
            s
            for s, f in ev.facts.items()
            if (f.line_ochiai or 0) >= MIN_EXTRA_OCHIAI
            or (f.spectrum_rank is not None and f.spectrum_rank <= SPECTRUM_EXTRA)
        ),
        key=lambda s: (-(ev.facts[s].line_ochiai or 0), s),
    )
    out += [s for s in ranked if s not in out]
    keep = [s for s in out if s in index.symbols and index.symbols[s].kind == "function"]
    return keep[:MAX_EXTRA]
