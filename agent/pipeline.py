"""The one library call everything else uses: `explain(trace_text, repo) -> Diagnosis`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debugai.agent.citations import keep_real_citations
from debugai.agent.context import Hint, select_context
from debugai.agent.diagnosis import ContextOut, Diagnosis, SpanOut
from debugai.agent.locate import locate, merge_path_maps, path_map_from_config
from debugai.agent.static.engine import StaticEngine
from debugai.agent.traceback import Trace, parse
from debugai.errors import NoFrameInRepo, RepoError, UsageError

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex

ENGINES = ("auto", "static", "llm", "local")
DEFAULT_BUDGET = 8000
MAX_TRACE_CHARS = 2_000_000  # of pasted input read; the rest (the start) is said to be skipped


def open_index(repo: str | Path, *, cache: bool = True) -> CodeIndex:
    """Build or refresh the repository's index (cached on disk, only changed files re-parsed)."""
    from debugai.indexers import IndexOptions, build_index

    root = Path(repo).expanduser()
    if not root.exists():
        raise RepoError(f"repository not found: {root}")
    if not root.is_dir():
        raise RepoError(f"not a directory: {root} (pass the repository folder with --repo)")
    return build_index(root, IndexOptions(cache=cache))


def read_trace(
    trace_text: str, index: CodeIndex, path_map: Sequence[tuple[str, str]] = ()
) -> Trace:
    """Parse the primary traceback and map its frames onto the repository.

    `--path-map` pairs come first, then `[tool.debugai] path_map` from the repo's pyproject.
    What locating found worth saying (a stale trace, an ambiguous path) joins trace.warnings.
    """
    cut = ""
    if len(trace_text) > MAX_TRACE_CHARS:
        # The crash that matters is at the end; reading 25 MB of repeated frames took 30 s.
        size = len(trace_text)
        tail = trace_text[-MAX_TRACE_CHARS:]
        trace_text = tail[tail.find("\n") + 1 :]
        cut = f"the input is {size / 1e6:.1f} MB; only its last {MAX_TRACE_CHARS / 1e6:g} MB were read"
    trace = parse(trace_text)
    if cut:
        trace.warnings.append(cut)
    pairs = merge_path_maps(list(path_map), path_map_from_config(index.root))
    report = locate(trace, index.root, index.files.keys(), pairs, read_lines=index.lines)
    trace.warnings.extend(w for w in report.warnings if w not in trace.warnings)
    return trace


def explain(
    trace_text: str,
    repo: str | Path = ".",
    engine: str = "auto",
    budget: int = DEFAULT_BUDGET,
    *,
    path_map: Sequence[tuple[str, str]] = (),
    config: Any = None,
    index: CodeIndex | None = None,
    llm_engine: Any = None,
) -> Diagnosis:
    """Find the root cause of the crash in `trace_text` within the repository `repo`."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if budget < 200:
        raise UsageError(f"--budget {budget} is too small to hold any code (use 200 or more)")
    idx = index if index is not None else open_index(repo)
    trace = read_trace(trace_text, idx, path_map)
    _require_repo_frames(trace, idx)
    static = StaticEngine().diagnose(trace, idx)
    if config is None and engine != "static" and llm_engine is None:
        from debugai.config import load_config

        config = load_config(idx.root)
    chosen = _choose_engine(engine, config, llm_engine)
    # Repo settings that were ignored (where code goes, redaction, ...) are said, once.
    static.notes.extend(w for w in getattr(config, "warnings", ()) if w not in static.notes)
    # A small local model has a small window: the context follows the engine's limit.
    limit = getattr(chosen, "context_budget", None)
    ctx_budget = min(budget, limit) if isinstance(limit, int) else budget
    hints = [Hint(c.file, c.line, c.symbol, c.why, c.score, c.end_line) for c in static.candidates]
    hints += [Hint(h.file, h.line, h.symbol, h.explanation, 0.3) for h in static.chain]
    ctx = select_context(trace, idx, ctx_budget, hints)
    static.context = ContextOut(
        tokens=ctx.tokens,
        spans=[
            SpanOut(file=s.file, start=s.start, end=s.end, symbol=s.symbol, reason=s.reason)
            for s in ctx.spans
        ],
    )
    static.notes.extend(trace.warnings)
    if idx.stats.warnings:
        static.notes.append(f"index: {len(idx.stats.warnings)} file(s) skipped or partly read")
    diag = static if chosen is None else chosen.diagnose(trace, idx, ctx, static=static)
    return keep_real_citations(diag, idx)


def _require_repo_frames(trace: Trace, index: CodeIndex) -> None:
    if any(f.kind == "repo" for f in trace.all_frames):
        return
    syntax = trace.final.syntax
    if syntax is not None and any(syntax.file.replace("\\", "/").endswith(f) for f in index.files):
        return
    shown = ", ".join(sorted({f.file for f in trace.all_frames})[:3]) or "no frames"
    raise NoFrameInRepo(
        f"no frame of the traceback is a file of {index.root} ({shown}); "
        "is this the right --repo? For paths from a container or another machine, "
        "pass --path-map /their/prefix=."
    )


def _choose_engine(engine: str, config: Any, llm_engine: Any) -> Any:
    if engine == "static":
        return None
    if llm_engine is not None:
        return llm_engine
    if engine == "auto" and not _model_configured(config):
        return None
    try:
        from debugai.agent.llm.engine import LLMEngine
    except ImportError as exc:  # pragma: no cover - the module ships with debugai
        raise UsageError(f"the LLM engine is not available: {exc}") from exc
    return LLMEngine.from_config(config, local=engine == "local", forced=engine != "auto")


def _model_configured(config: Any) -> bool:
    if config is None:
        from debugai.config import load_config

        config = load_config()
    return bool(getattr(config, "model_configured", False))
