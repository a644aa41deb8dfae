"""Ranking: every suspect becomes a candidate function with named features, scored by one model.

The strategies find suspects and say why; they do not decide the order. Each candidate (one
function, or one module's top level) gets a small vector of features: the evidence the
strategies found for it (by kind: tied to the failing value, code under the failing test,
unlinked patterns), where it sits in the traceback, how the failing test reaches it, what it is
(test code, docs), and its graph rank. One fitted model turns the vector into a probability:
a conditional logit over the case's candidates with a "none of them" alternative, so the score
shown is the chance that this candidate is the root cause (fitted and checked by
`python -m debugai.evals.realbench fit`, leave-one-project-out; weights in `weights.json`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from debugai.agent.static.analysis import Analyzer, Site
from debugai.agent.static.named import by_name as by_name_of
from debugai.agent.static.named import imported_files, methods_of, named_by_test
from debugai.agent.static.suspects import Suspect, is_test

if TYPE_CHECKING:
    from debugai.indexers.model import Symbol

# Evidence families: which strategies tie a suspect to the failing value, which only say "this
# code runs under the failing test", and which are patterns found near the failure with no link
# to the value (mutable defaults, shared class state).
UNLINKED_KINDS = frozenset({"shared"})
UNDER_TEST_KINDS = frozenset({"under-test"})
FRAME_KINDS = frozenset({"frame"})
# Detectors of one named failure family (a config read, a session, a dependency, the event
# loop...): precise where they fire, unlike the generic value trail.
SPECIFIC_KINDS = frozenset(
    {"env", "config", "session", "depends", "loop", "blocking", "async", "import"}
    | {"signature", "field", "field-write", "coroutine"}
)

FEATURES: tuple[str, ...] = (
    "ev_value",  # best prior of a suspect whose trail ties it to the failing value
    "ev_value_root",  # that trail ends at a definite origin (None path, env read, literal...)
    "ev_specific",  # best prior of a detector of one named failure family (config, session...)
    "ev_under_test",  # best prior of "code under the failing test" (assertion strategy)
    "ev_unlinked",  # best prior of a pattern with no link to the value (shared state...)
    "ev_contradiction",  # the project itself writes a near name (env var, module, key) it reads
    "n_suspects",  # log(1 + distinct lines of evidence in this function, at most 5)
    "frame_innermost",  # holds the innermost non-test repo frame
    "frame_pos",  # 1 / (1 + position among non-test repo frames, innermost first); 0 if absent
    "frame_any",  # holds any repo frame of the traceback (test frames included)
    "cause_frame",  # holds a frame of an earlier exception in the chain only
    "assert_x_innermost",  # frame_innermost when the failure is an AssertionError
    "assert_x_under_test",  # reached from the failing test when the failure is an AssertionError
    "test_callee",  # called directly by the failing test (resolved call or `.name(` in its body)
    "test_reach",  # 1 / (1 + call depth from the failing test), 0 if the test does not reach it
    "test_class_method",  # a method of a class the failing test itself calls or names
    "raise_callee",  # called by the innermost non-test frame's function
    "frame_callee",  # called by a non-test frame's function
    "name_overlap",  # words shared with the failing test's name (0, .5, 1)
    "qual_overlap",  # the same for its qualified name (class and enclosing functions too)
    "named_by_test",  # in a module the test is about, named by the test's words (named.py)
    "on_test_line",  # its name is on the failing test's line (the call or the assertion)
    "message_names",  # its name appears in the exception message
    "file_of_test",  # its file is the one the failing test file is named after
    "file_imported_by_test",  # its module is imported by the failing test's file
    "file_of_raise",  # in the same file as the innermost non-test frame
    "is_test_code",  # defined in test code
    "is_docs",  # defined under doc/, docs/ or examples/
    "is_dunder_init",  # a constructor
    "is_class",  # a class (its fields, bases, class-level code), not a function
    "pagerank",  # personalised PageRank from the traceback's frames, scaled to the top
    "recent_change",  # 1 / (1 + k): the newest of the last commits to change its lines (recency.py)
)

_IDENT = re.compile(r"[A-Za-z_]\w*")
DOCS = re.compile(r"(^|/)(docs?|examples?)/")
_WORD = re.compile(r"[A-Za-z][a-z]+|[A-Z]+(?![a-z])|\d+")
_STOP = frozenset(
    {"test", "tests", "the", "a", "an", "of", "to", "in", "is", "and", "or", "for", "with", "on"}
    | {"self", "cls", "it", "should", "when", "not", "no", "get", "set", "init", "py"}
)
MAX_REACH = 2  # call depth followed from the failing test
MAX_EVIDENCE = 5  # lines of evidence counted per candidate
CLASSES = True  # a class the test reaches is a candidate itself (its fields, bases, metaclass)
MAX_GENERATED = 120  # candidates added from the test's reach (beyond the strategies' suspects)


@dataclass(slots=True)
class Candidate:
    """One function (or a module's top level) with the suspects found in it and its features."""

    key: tuple[str, str]  # (file, symbol id or "<module>")
    file: str
    symbol: str | None
    suspects: list[Any] = field(default_factory=list)  # engine._Ranked, best first
    features: dict[str, float] = field(default_factory=dict)
    utility: float = 0.0
    probability: float = 0.0
    line: int = 0
    end_line: int = 0
    generated: bool = False  # no strategy named it; the test's reach or the frames did
    observed: list[str] = field(default_factory=list)  # what a re-run saw (agent/runtime)


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float
    weights: dict[str, float]
    fitted_on: str = ""

    def utility(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def to_json(self) -> str:
        data = {
            "fitted_on": self.fitted_on,
            "bias": round(self.bias, 4),
            "weights": {k: round(self.weights.get(k, 0.0), 4) for k in FEATURES},
        }
        return json.dumps(data, indent=2) + "\n"


_OVERRIDE: list[Weights] = []


@cache
def _shipped_weights() -> Weights:
    raw = resources.files("debugai.agent.static").joinpath("weights.json").read_text("utf-8")
    return weights_from(json.loads(raw))


def default_weights() -> Weights:
    """The shipped weights, or the ones an evaluation set for this process (`use_weights`)."""
    return _OVERRIDE[-1] if _OVERRIDE else _shipped_weights()


def use_weights(weights: Weights | None) -> None:
    """Score with these weights in this process (leave-one-project-out evaluation); None resets."""
    _OVERRIDE.clear()
    if weights is not None:
        _OVERRIDE.append(weights)


def weights_from(data: dict[str, Any]) -> Weights:
    w = {str(k): float(v) for k, v in data.get("weights", {}).items()}
    unknown = set(w) - set(FEATURES)
    if unknown:
        raise ValueError(f"weights name unknown features: {', '.join(sorted(unknown))}")
    return Weights(float(data.get("bias", 0.0)), w, str(data.get("fitted_on", "")))


def words(name: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(name)} - _STOP


def shared_words(test_words: set[str], qualified: str) -> int:
    """How many of the test's words a qualified name holds: as words, or (four letters and more)
    inside one, since `GZipResponder` and `cachedproperty` do not split the way tests spell them."""
    mine, flat = words(qualified), qualified.lower()
    return sum(1 for w in test_words if w in mine or (len(w) >= 4 and w in flat))


def score(cands: Sequence[Candidate], weights: Weights) -> None:
    """Utilities and probabilities: softmax over the candidates and a "none of them" option."""
    for c in cands:
        c.utility = weights.utility(c.features)
    normalize(cands)


def normalize(cands: Sequence[Candidate]) -> None:
    """Probabilities from the utilities as they are (after a later step moved them)."""
    top = max((c.utility for c in cands), default=0.0)
    shift = max(top, 0.0)
    denom = math.exp(-shift) + sum(math.exp(c.utility - shift) for c in cands)
    for c in cands:
        c.probability = math.exp(c.utility - shift) / denom


class _Context:
    """What every candidate's features are measured against, computed once per diagnosis."""

    def __init__(self, an: Analyzer) -> None:
        self.an = an
        index = an.index
        self.index = index
        final = an.trace.final
        self.is_assert = final.type.rsplit(".", 1)[-1] in ("AssertionError", "FailTest")
        self.message = "\n".join(e.message for e in an.trace.chain)
        lib = [s for s in reversed(an.frames) if not is_test(s.file)]
        self.lib_frames: list[Site] = lib
        self.frame_pos: dict[tuple[str, str], int] = {}
        for i, s in enumerate(lib):
            self.frame_pos.setdefault(_key_of(s.file, s.symbol), i)
        self.any_frame = {_key_of(s.file, s.symbol) for s in an.frames}
        self.cause_frames: set[tuple[str, str]] = set()
        for exc in an.trace.chain[:-1]:
            for fr in exc.frames:
                if fr.kind == "repo" and fr.repo_path in index.files:
                    sym = index.symbol_at(fr.repo_path, fr.repo_line or fr.line or 1)
                    self.cause_frames.add(_key_of(fr.repo_path, sym.id if sym else None))
        tests = [s for s in an.frames if is_test(s.file) and s.symbol]
        funcs = [an.symbol(s.symbol) for s in tests]
        self.tests: list[Symbol] = [f for f in funcs if f is not None and f.kind == "function"]
        self.test: Symbol | None = self.tests[0] if self.tests else None  # the test itself
        self.test_words = words(self.test.name) if self.test else set()
        # The failing test's own line: what it called or compared.
        self.on_line: set[str] = set()
        if tests:
            last = tests[-1]
            src = index.lines(last.file)
            if 0 < last.line <= len(src):
                self.on_line = set(_IDENT.findall(src[last.line - 1]))
        self.test_stems = _test_stems(tests[0].file) if tests else set()
        self.test_imports = imported_files(index, tests[0].file) if tests else set()
        self.raise_file = lib[0].file if lib else None
        self.named: set[str] = set()
        self.class_methods: set[str] = set()
        self.reach = self._reach()
        inner = an.symbol(lib[0].symbol) if lib and lib[0].symbol else None
        self.raise_callees = {c for c, _ in index.callees(inner.id)} if inner else set()
        self.frame_callees: set[str] = set()
        for site in lib:
            if site.symbol:
                self.frame_callees.update(c for c, _ in index.callees(site.symbol))

    def qualified(self, sid: str) -> str:
        sym = self.index.symbols.get(sid)
        module = self.index.module_of(sym.file) if sym is not None else None
        qual = sid.removeprefix(module + ".") if module else sid
        return qual.replace(".", "_")

    def named_by_test(self) -> list[str]:
        """Definitions in the modules the test is about that its name names (named.py)."""
        if not self.tests or not self.test_words:
            return []
        files = {f for f in self.index.files if not is_test(f) and _stem(f) in self.test_stems} | {
            f for f in self.test_imports if not is_test(f)
        }
        found = named_by_test(
            self.index, files, lambda q: shared_words(self.test_words, self.qualified(q))
        )
        self.named = set(found)
        return found

    def _reach(self) -> dict[str, int]:
        """Call depth from the failing test's frames (and its class's setUp): resolved calls and
        `name(` / `.name(` calls in their bodies at depth 0, other repo names they mention at 1."""
        if not self.tests:
            return {}
        index = self.index
        by_name = by_name_of(index)
        bodies = list(self.tests)
        cls = self.tests[0].id.rsplit(".", 1)[0]
        for hook in ("setUp", "setup_method", "setUpClass"):
            sym = index.symbols.get(f"{cls}.{hook}")
            if sym is not None:
                bodies.append(sym)
        called: list[str] = []
        mentioned: list[str] = []
        for t in bodies:
            called.extend(c for c, _ in index.callees(t.id))
            body = "\n".join(index.lines(t.file)[t.line : t.end_line])
            names = set(re.findall(r"\.([A-Za-z_]\w*)\s*\(", body))
            names |= set(re.findall(r"(?<![\w.])([A-Za-z_]\w*)\s*\(", body))
            for n in sorted(names):
                ids = by_name.get(n, ())
                if 0 < len(ids) <= 4:  # a common name (`get`, `run`) says nothing
                    called.extend(ids)
            for n in sorted(set(re.findall(r"\b([A-Za-z_]\w{3,})\b", body)) - names):
                ids = by_name.get(n, ())
                if 0 < len(ids) <= 2:
                    mentioned.extend(ids)
        depth: dict[str, int] = {}
        frontier = [s for s in dict.fromkeys(called) if s in index.symbols]
        later = [s for s in dict.fromkeys(mentioned) if s in index.symbols]
        for d in range(MAX_REACH + 1):
            nxt: list[str] = list(later) if d == 0 else []
            for sid in frontier:
                if sid in depth or is_test(index.symbols[sid].file):
                    continue
                depth[sid] = d
                sym = index.symbols[sid]
                if sym.kind == "class":
                    nxt.extend(f"{sid}.{m}" for m in ("__init__", "__post_init__", "__new__"))
                    if d == 0:  # a class the test uses itself: what it exercises is its methods
                        methods = methods_of(index).get(sid, ())
                        self.class_methods.update(methods)
                        nxt.extend(methods)
                nxt.extend(c for c, _ in index.callees(sid))
            frontier = [n for n in dict.fromkeys(nxt) if n in index.symbols]
        return depth


def _stem(file: str) -> str:
    """A module's name as a test file would name it (a package's `__init__` by its folder)."""
    stem = file.rsplit("/", 1)[-1].removesuffix(".py")
    if stem == "__init__":
        stem = file.rsplit("/", 2)[-2] if "/" in file else stem
    return stem


def _test_stems(test_file: str) -> set[str]:
    stem = test_file.rsplit("/", 1)[-1].removesuffix(".py")
    stem = stem.removeprefix("test_").removesuffix("_test").removesuffix("_tests")
    parts = {stem} | set(stem.split("_"))
    return {p for p in parts if len(p) > 2 and p not in _STOP}


def _key_of(file: str, symbol: str | None) -> tuple[str, str]:
    return (file, symbol or "<module>")


def _family(s: Suspect) -> str:
    kind = s.chain[0].kind if s.chain else ""
    if kind in UNLINKED_KINDS:
        return "unlinked"
    if kind in UNDER_TEST_KINDS:
        return "under_test"
    if kind in FRAME_KINDS:
        return "frame"
    if kind in SPECIFIC_KINDS:
        return "specific"
    return "value"


def candidates(an: Analyzer, ranked: Iterable[Any], extra: Sequence[str] = ()) -> list[Candidate]:
    """Group the suspects by function, add the test's reach (and `extra`, functions a re-run
    pointed at), and measure every candidate."""
    ctx = _Context(an)
    index = an.index
    by_key: dict[tuple[str, str], Candidate] = {}
    for r in ranked:
        s: Suspect = r.suspect
        sym = an.symbol(s.symbol)
        holder = s.symbol if sym is not None else None
        if holder is None:
            inner = index.symbol_at(s.file, s.line)
            holder = inner.id if inner else None
        key = _key_of(s.file, holder)
        c = by_key.get(key)
        if c is None:
            c = by_key[key] = Candidate(key, s.file, holder)
        c.suspects.append(r)
    generated = sorted(ctx.reach.items(), key=lambda kv: (kv[1], kv[0]))
    generated += [(sid, 1) for sid in sorted(ctx.frame_callees) if sid in index.symbols]
    named = ctx.named_by_test()
    generated += [(sid, 3) for sid in named]
    for sid in extra:
        found = index.symbols.get(sid)
        if found is not None and _key_of(found.file, sid) not in by_key:
            by_key[_key_of(found.file, sid)] = Candidate(
                _key_of(found.file, sid), found.file, sid, generated=True
            )
    added = 0
    for sid, _d in generated:
        sym = index.symbols[sid]
        if sym.kind != "function" and not (CLASSES and sym.kind == "class"):
            continue
        key = _key_of(sym.file, sid)
        if key in by_key:
            continue
        if added >= MAX_GENERATED + len(named):
            break
        by_key[key] = Candidate(key, sym.file, sid, generated=True)
        added += 1
    out = list(by_key.values())
    for c in out:
        c.suspects.sort(key=lambda r: -r.suspect.score)
        c.features = _features(ctx, c)
        _place(an, c)
    return out


def _place(an: Analyzer, c: Candidate) -> None:
    """The line a candidate is cited at: its best suspect's, else its first body line."""
    if c.suspects:
        s = c.suspects[0].suspect
        c.line, c.end_line = s.line, max(s.end_line, s.line)
        return
    sym = an.symbol(c.symbol)
    if sym is None:
        c.line = c.end_line = 1
        return
    if sym.kind == "class":  # its own lines (fields, bases), not the first method's
        c.line = c.end_line = sym.line
        return
    lines = an.index.lines(sym.file)[sym.line - 1 : sym.end_line]
    body = _first_body_line(sym.line, lines)
    c.line, c.end_line = body, body


def _first_body_line(first: int, lines: list[str]) -> int:
    in_doc = False
    for i, ln in enumerate(lines[1:], start=1):
        t = ln.strip()
        if not t or t.startswith("#"):
            continue
        if in_doc:
            if t.endswith(('"""', "'''")):
                in_doc = False
            continue
        if t.startswith(('"""', "'''", 'r"""')):
            if not (len(t) > 3 and t.endswith(('"""', "'''"))) or t in ('"""', "'''"):
                in_doc = True
            continue
        return first + i
    return first


def _features(ctx: _Context, c: Candidate) -> dict[str, float]:
    f = dict.fromkeys(FEATURES, 0.0)
    for r in c.suspects:
        s: Suspect = r.suspect
        fam = _family(s)
        prior = max(0.0, min(1.0, s.score))
        if fam == "value":
            f["ev_value"] = max(f["ev_value"], prior)
            if s.chain and s.chain[0].root:
                f["ev_value_root"] = 1.0
        elif fam == "specific":
            f["ev_specific"] = max(f["ev_specific"], prior)
        elif fam == "under_test":
            f["ev_under_test"] = max(f["ev_under_test"], prior)
        elif fam == "unlinked":
            f["ev_unlinked"] = max(f["ev_unlinked"], prior)
        if s.variables.get("similar"):
            f["ev_contradiction"] = 1.0
    # Distinct lines of evidence, capped: a recursion's thousand identical frames are one.
    distinct = {(r.suspect.line, _family(r.suspect)) for r in c.suspects}
    f["n_suspects"] = math.log1p(min(len(distinct), MAX_EVIDENCE))
    pos = ctx.frame_pos.get(c.key)
    if pos is not None:
        f["frame_pos"] = 1.0 / (1 + pos)
        f["frame_innermost"] = float(pos == 0)
    f["frame_any"] = float(c.key in ctx.any_frame)
    f["cause_frame"] = float(c.key in ctx.cause_frames and c.key not in ctx.any_frame)
    depth = ctx.reach.get(c.symbol or "")
    if depth is not None:
        f["test_reach"] = 1.0 / (1 + depth)
        f["test_callee"] = float(depth == 0)
    f["test_class_method"] = float((c.symbol or "") in ctx.class_methods)
    f["raise_callee"] = float((c.symbol or "") in ctx.raise_callees)
    f["frame_callee"] = float((c.symbol or "") in ctx.frame_callees)
    if ctx.is_assert:
        f["assert_x_innermost"] = f["frame_innermost"]
        f["assert_x_under_test"] = float(depth is not None or f["ev_under_test"] > 0)
    sym = ctx.an.symbol(c.symbol)
    name = sym.name if sym is not None else ""
    if name and ctx.test_words:
        f["name_overlap"] = min(len(words(name) & ctx.test_words), 2) / 2
        qual = ctx.qualified(c.symbol or "")
        f["qual_overlap"] = min(shared_words(ctx.test_words, qual), 2) / 2
    f["named_by_test"] = float((c.symbol or "") in ctx.named)
    if len(name) > 2 and not name.startswith("__"):
        f["on_test_line"] = float(name in ctx.on_line)
    if name and len(name) > 3 and re.search(rf"\b{re.escape(name)}\b", ctx.message):
        f["message_names"] = 1.0
    f["file_of_test"] = float(_stem(c.file) in ctx.test_stems)
    f["file_imported_by_test"] = float(c.file in ctx.test_imports)
    f["file_of_raise"] = float(c.file == ctx.raise_file)
    f["is_test_code"] = float(is_test(c.file))
    f["is_docs"] = float(bool(DOCS.search(c.file)))
    f["is_dunder_init"] = float(name == "__init__")
    f["is_class"] = float(sym is not None and sym.kind == "class")
    return f


def add_pagerank(cands: Sequence[Candidate], pr: dict[str, float]) -> None:
    top = max(pr.values(), default=0.0) or 1.0
    for c in cands:
        c.features["pagerank"] = pr.get(c.symbol or "", 0.0) / top
