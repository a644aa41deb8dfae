"""Score engines on the eval cases: root-cause accuracy, chain and context recall, citations, time.

Each case's captured output is explained against its project exactly as a user would
(`debugai.explain`), and scored next to two baselines computed the same way: the innermost repo
frame, and all repo frames innermost first.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from debugai.evals.case import Case

if TYPE_CHECKING:
    from debugai.config import Config, EngineName

METRICS = (
    "file_at1",
    "file_at3",
    "func_at1",
    "func_at3",
    "line_hit",
    "chain_recall",
    "context_recall",
    "invalid_citations",
    "context_tokens",
    "seconds",
)
SYSTEMS = ("engine", "innermost_frame", "all_frames")


@dataclass(slots=True)
class Scores:
    file_at1: float = 0.0
    file_at3: float = 0.0
    func_at1: float = 0.0
    func_at3: float = 0.0
    line_hit: float = 0.0
    chain_recall: float = 0.0
    context_recall: float | None = None
    invalid_citations: float = 0.0
    context_tokens: float | None = None
    seconds: float = 0.0


@dataclass(slots=True)
class CaseResult:
    case_id: str
    category: str
    root_in_traceback: bool
    systems: dict[str, Scores] = field(default_factory=dict)
    top: str = ""  # what the engine answered, "file:line symbol"
    error: str | None = None


@dataclass(slots=True)
class Located:
    """A ranked list of places (file, line, end_line, symbol) a system points at."""

    places: list[tuple[str, int, int, str | None]]
    chain_symbols: list[str]


def score(case: Case, located: Located, index: Any) -> Scores:
    truth = case.truth
    places = located.places

    def func_of(file: str, line: int, symbol: str | None) -> str | None:
        if symbol == truth.symbol:
            return symbol
        sym = index.symbol_at(file, line) if file in index.files else None
        return sym.id if sym is not None else symbol

    files = [p[0] for p in places]
    funcs = [func_of(*p[:2], p[3]) for p in places]
    chain_hits = sum(1 for s in truth.chain if s in located.chain_symbols)
    invalid = [p for p in places if not _cites_real_line(index, p[0], p[1])]
    s = Scores(
        file_at1=float(files[:1] == [truth.file]),
        file_at3=float(truth.file in files[:3]),
        func_at1=float(funcs[:1] == [truth.symbol]),
        func_at3=float(truth.symbol in funcs[:3]),
        line_hit=float(bool(places) and truth.overlaps(places[0][0], places[0][1], places[0][2])),
        chain_recall=chain_hits / len(truth.chain) if truth.chain else 1.0,
        invalid_citations=len(invalid) / len(places) if places else 0.0,
    )
    return s


def _cites_real_line(index: Any, file: str, line: int) -> bool:
    if file in index.files:
        return bool(1 <= line <= max(1, index.files[file].n_lines))
    path = index.root / file
    try:
        return path.is_file() and 1 <= line <= len(path.read_text(errors="replace").splitlines())
    except OSError:
        return False


def run_case(case: Case, engine: EngineName, config: Config | None = None) -> CaseResult:
    """Explain one case with the engine and the two baselines; never raises."""
    from debugai.api import explain, read_trace
    from debugai.config import Config
    from debugai.indexers import IndexOptions, build_index

    result = CaseResult(case.id, case.category, case.truth.root_in_traceback)
    try:
        text = case.output()
        index = build_index(case.project_dir, IndexOptions(cache=False))
        start = time.perf_counter()
        # A score is not a user's run: it stays out of the run log unless a config says otherwise.
        cfg = config if config is not None else Config(run_log=False)
        diag = explain(text, case.project_dir, engine=engine, index=index, config=cfg)
        seconds = time.perf_counter() - start
    except Exception as exc:  # a failure on one case is a score of zero, reported
        result.error = f"{type(exc).__name__}: {exc}"
        result.systems = {name: Scores() for name in SYSTEMS}
        return result
    places = [(c.file, c.line, c.end_line or c.line, c.symbol) for c in diag.candidates]
    chain_syms = [h.symbol for h in diag.chain if h.symbol]
    chain_syms += [
        s.id
        for h in diag.chain
        if h.file in index.files
        for s in [index.symbol_at(h.file, h.line)]
        if s is not None
    ]
    eng = score(case, Located(places, chain_syms), index)
    eng.seconds = round(seconds, 3)
    eng.context_tokens = diag.context.tokens
    eng.context_recall = float(
        any(case.truth.overlaps(sp.file, sp.start, sp.end) for sp in diag.context.spans)
    )
    eng.invalid_citations = _invalid_share(diag, index)
    result.systems["engine"] = eng
    if diag.root_cause is not None:
        rc = diag.root_cause
        result.top = f"{rc.file}:{rc.line} {rc.symbol or ''}".strip()
    trace = read_trace(text, index)
    frames: list[tuple[str, int, int, str | None]] = []
    for fr in reversed(trace.all_frames):
        if fr.kind == "repo" and fr.repo_path in index.files:
            line = fr.repo_line or fr.line or 1
            sym = index.symbol_at(fr.repo_path, line)
            frames.append((fr.repo_path, line, line, sym.id if sym else None))
    frame_syms = [f[3] for f in frames if f[3]]
    result.systems["innermost_frame"] = score(case, Located(frames[:1], frame_syms[:1]), index)
    result.systems["all_frames"] = score(case, Located(frames, frame_syms), index)
    return result


def _invalid_share(diag: Any, index: Any) -> float:
    cites = [(c.file, c.line) for c in diag.candidates] + [(h.file, h.line) for h in diag.chain]
    if diag.root_cause is not None:
        cites.append((diag.root_cause.file, diag.root_cause.line))
    if not cites:
        return 0.0
    return sum(not _cites_real_line(index, f, ln) for f, ln in cites) / len(cites)


def _run_one(args: tuple[Case, EngineName, Config | None]) -> CaseResult:
    return run_case(*args)


def run_all(
    cases: list[Case],
    engine: EngineName,
    jobs: int = 1,
    config: Config | None = None,
    progress: Any = None,
) -> list[CaseResult]:
    """Run the cases, in a bounded pool of processes when jobs > 1 (indexing is CPU-bound).

    `config` (a debugai.config.Config) is used for every case instead of the case's own;
    `progress(done, total, result)` is called as cases finish."""
    total = len(cases)
    if jobs <= 1 or total <= 1:
        out = []
        for c in cases:
            out.append(run_case(c, engine, config))
            if progress is not None:
                progress(len(out), total, out[-1])
        return out
    with ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or 1, total)) as pool:
        out = []
        for r in pool.map(_run_one, [(c, engine, config) for c in cases]):
            out.append(r)
            if progress is not None:
                progress(len(out), total, r)
        return out


def aggregate(results: list[CaseResult]) -> dict[str, dict[str, dict[str, float | None]]]:
    """{group: {system: {metric: mean}}} for "overall", each category, and root placement."""
    groups: dict[str, list[CaseResult]] = {"overall": results}
    for r in results:
        groups.setdefault(r.category, []).append(r)
        key = "root-in-traceback" if r.root_in_traceback else "root-outside-traceback"
        groups.setdefault(key, []).append(r)
    out: dict[str, dict[str, dict[str, float | None]]] = {}
    for name, rs in groups.items():
        out[name] = {}
        for system in SYSTEMS:
            metrics: dict[str, float | None] = {"cases": float(len(rs))}
            for m in METRICS:
                vals = [getattr(r.systems[system], m) for r in rs if system in r.systems]
                vals = [v for v in vals if v is not None]
                metrics[m] = round(sum(vals) / len(vals), 4) if vals else None
            out[name][system] = metrics
    return out


def report_dict(results: list[CaseResult], engine: str, label: str) -> dict[str, Any]:
    return {
        "version": 1,
        "engine": engine,
        "label": label,
        "cases": len(results),
        "summary": aggregate(results),
        "results": [asdict(r) for r in results],
    }
