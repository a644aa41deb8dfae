"""The one library call everything else uses: `explain(trace_text, repo) -> Diagnosis`.

The front end (CLI, chat, CI bot, eval) loads the Config once and passes it here; from here it
goes to the indexer (where the cache lives), the static engine (how many candidates, debug) and
the LLM engine. Nothing below this reads the environment.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from debugai.agent import runlog
from debugai.agent.citations import keep_real_citations
from debugai.agent.context import Hint, select_context
from debugai.agent.diagnosis import ContextOut, Diagnosis, SpanOut
from debugai.agent.engine import Engine
from debugai.agent.locate import locate, merge_path_maps, path_map_from_config
from debugai.agent.static.engine import StaticEngine
from debugai.agent.traceback import Trace, parse
from debugai.config import Config, EngineName, engine_name
from debugai.errors import NoFrameInRepo, RepoError, TraceParseError, UsageError

if TYPE_CHECKING:
    from debugai.agent.runtime import RunSpec
    from debugai.indexers import CodeIndex, IndexOptions

ENGINES: tuple[EngineName, ...] = get_args(EngineName)
DEFAULT_BUDGET = 8000
MAX_TRACE_CHARS = 2_000_000  # of pasted input read; the rest (the start) is said to be skipped
CONTEXT_CANDIDATES = 30  # of the static ranking given a span in the context (5 are shown)


def index_options(
    root: Path,
    config: Config,
    *,
    cache: bool = True,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> IndexOptions:
    """Where the index of root is cached under this config.

    In <repo>/.debugai by default, in the user cache dir when that cannot be written; under
    the cache dir the user chose (DEBUGAI_CACHE_DIR, an option) when they chose one.
    """
    from debugai.indexers import IndexOptions
    from debugai.indexers.cache import user_cache_dir

    chosen = user_cache_dir(root.resolve(), config.cache_dir) if config.cache_dir_chosen else None
    return IndexOptions(
        include=tuple(include),
        exclude=tuple(exclude),
        cache=cache,
        cache_dir=chosen,
        user_cache=config.cache_dir,
    )


def open_index(
    repo: str | Path,
    *,
    cache: bool = True,
    config: Config | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CodeIndex:
    """Build or refresh the repository's index (cached on disk, only changed files re-parsed);
    progress(done, total) is called while files are parsed."""
    from debugai.indexers import build_index

    root = Path(repo).expanduser()
    if not root.exists():
        raise RepoError(f"repository not found: {root}")
    if not root.is_dir():
        raise RepoError(f"not a directory: {root} (pass the repository folder with --repo)")
    return build_index(
        root, index_options(root, config or Config(), cache=cache), progress=progress
    )


def read_trace(
    trace_text: str,
    index: CodeIndex,
    path_map: Sequence[tuple[str, str]] = (),
    *,
    debug: bool = False,
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
    trace = parse(trace_text, debug=debug)
    if cut:
        trace.warnings.append(cut)
    pairs = merge_path_maps(list(path_map), path_map_from_config(index.root))
    report = locate(trace, index.root, index.files.keys(), pairs, read_lines=index.lines)
    trace.warnings.extend(w for w in report.warnings if w not in trace.warnings)
    return trace


def explain(
    trace_text: str,
    repo: str | Path = ".",
    engine: EngineName | Engine = "auto",
    budget: int = DEFAULT_BUDGET,
    *,
    path_map: Sequence[tuple[str, str]] = (),
    config: Config | None = None,
    index: CodeIndex | None = None,
    run: RunSpec | None = None,
) -> Diagnosis:
    """Find the root cause of the crash in `trace_text` within the repository `repo`.

    `engine` is a name ("auto" picks the LLM engine when a model is configured) or an Engine
    object, used as given (a replay, a preconfigured LLMEngine, a test double). `config` is
    the front end's (see debugai.config.load_config); None means the defaults. `run` re-runs
    a command under the runtime tracer (agent/runtime); nothing runs without it.
    """
    if isinstance(engine, str):
        engine = engine_name(engine)  # a caller outside the type checker may pass any string
    if budget < 200:
        raise UsageError(f"--budget {budget} is too small to hold any code (use 200 or more)")
    cfg = config if config is not None else Config()
    idx = index if index is not None else open_index(repo, config=cfg)
    trace = read_trace(trace_text, idx, path_map, debug=cfg.debug)
    _require_repo_frames(trace, idx)
    evidence = None
    if run is not None:
        from debugai.agent.runtime import observe

        evidence = observe(run, trace, idx, redact=cfg.redact)
    static_engine = StaticEngine(
        max_candidates=cfg.max_candidates, debug=cfg.debug, runtime=evidence
    )
    static, ranked = static_engine.diagnose_ranked(trace, idx)
    if evidence is not None:
        from debugai.agent.runtime import run_out

        static.run = run_out(evidence)
        static.notes.insert(0, evidence.note)
    chosen = engine if isinstance(engine, Engine) else _choose_engine(engine, cfg)
    # Repo settings that were ignored (where code goes, redaction, ...) are said, once.
    static.notes.extend(w for w in cfg.warnings if w not in static.notes)
    # A small local model has a small window: the context follows the engine's limit.
    ctx_budget = min(budget, chosen.context_budget) if chosen is not None else budget
    hints = [Hint(c.file, c.line, c.symbol, c.why, c.score, c.end_line) for c in static.candidates]
    # The context holds more of the ranking than is shown: the model can only find what it sees.
    hints += [
        Hint(
            c.file, c.line, c.symbol, "a candidate of the static ranking", c.probability, c.end_line
        )
        for c in ranked[len(static.candidates) : CONTEXT_CANDIDATES]
    ]
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
    skipped = len(idx.stats.warnings) - len(idx.stats.cache_warnings)
    if skipped:
        static.notes.append(f"index: {skipped} file(s) skipped or partly read")
    # No output cites a line the repository does not have (a stale trace, a mangled line).
    if chosen is None:
        diag = keep_real_citations(static, idx)
        _log_static(diag, trace, idx, cfg)
        return diag
    # A model engine logs its own run.
    diag = chosen.diagnose(trace, idx, ctx, static)
    if diag.run is None:
        diag.run = static.run
    return keep_real_citations(diag, idx)


def _log_static(diag: Diagnosis, trace: Trace, index: CodeIndex, config: Config) -> None:
    """The static run as a run-log record: `debugai log replay` explains its trace again."""
    if not config.run_log:
        return
    record = runlog.RunRecord(
        engine="static",
        repo=str(index.root),
        trace=trace.to_dict(),
        trace_text=runlog.trace_text(trace, Path(index.root)),
        context=[s.model_dump(mode="json") for s in diag.context.spans],
        diagnosis=diag.to_json_dict(),
        notes=list(diag.notes),
    )
    with contextlib.suppress(OSError):
        runlog.append_run(config.cache_dir, record)


def _require_repo_frames(trace: Trace, index: CodeIndex) -> None:
    if any(f.kind == "repo" for f in trace.all_frames):
        return
    syntax = trace.final.syntax
    if syntax is not None and any(syntax.file.replace("\\", "/").endswith(f) for f in index.files):
        return
    if not trace.all_frames and trace.format == "pytest-summary":
        # pytest --tb=no (or -rf with no report): the summary names the test, the frames are gone.
        raise TraceParseError(
            f"no traceback in this output, only pytest's summary line ({trace.test_id or '?'}); "
            "re-run pytest with --tb=auto"
        )
    shown = ", ".join(sorted({f.file for f in trace.all_frames})[:3]) or "no frames"
    raise NoFrameInRepo(
        f"no frame of the traceback is a file of {index.root} ({shown}); "
        "is this the right --repo? For paths from a container or another machine, "
        "pass --path-map /their/prefix=."
    )


def _choose_engine(engine: EngineName, config: Config) -> Engine | None:
    """The engine a name stands for with this config; None means the static diagnosis."""
    if engine == "static":
        return None
    if engine == "auto" and not config.model_configured:
        return None
    from debugai.agent.llm.engine import LLMEngine

    return LLMEngine.from_config(config, local=engine == "local", forced=engine != "auto")
