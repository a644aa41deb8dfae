"""One case in its own process, so a hung or crashing engine costs only that case.

    python -m debugai.evals.realbench.worker prepare CASE_DIR SRC   index (cached) + the frames
    python -m debugai.evals.realbench.worker explain CASE_DIR SRC ENGINE [WEIGHTS]
    python -m debugai.evals.realbench.worker features CASE_DIR SRC   the ranking's candidates
prints one JSON object: the ranked places of the engine and of the frame baselines, the packed
context, timings, or the error.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any


def _frames(trace: Any) -> list[tuple[str, int]]:
    """Repo frames, innermost first: the final exception's, then its causes'."""
    out: list[tuple[str, int]] = []
    for exc in reversed(trace.chain):
        for f in reversed(exc.frames):
            if f.kind == "repo" and f.repo_path:
                out.append((f.repo_path, f.repo_line or f.line or 1))
    return out


def _inputs(case_dir: str, src: str) -> tuple[str, list[tuple[str, str]]]:
    from debugai.evals.realbench.case import load

    case = load(case_dir)
    text = (Path(case_dir) / "trace.txt").read_text("utf-8", "replace")
    workdir = case.trace.get("workdir")
    return text, ([(workdir, src)] if workdir and workdir != src else [])


def prepare_case(case_dir: str, src: str) -> dict[str, Any]:
    """Index the checkout (so the timed explain starts warm) and read the trace's repo frames."""
    from debugai.api import open_index, read_trace

    text, path_map = _inputs(case_dir, src)
    t0 = time.perf_counter()
    index = open_index(src)
    result: dict[str, Any] = {"index_seconds": time.perf_counter() - t0, "files": len(index.files)}
    try:
        result["frames"] = _frames(read_trace(text, index, path_map))
    except Exception as exc:  # the trace reader is part of what is measured
        result["frames"] = []
        result["frames_error"] = f"{type(exc).__name__}: {exc}"
    return result


def explain_case(case_dir: str, src: str, engine: str, weights: str = "") -> dict[str, Any]:
    from debugai.agent.static import ranking
    from debugai.api import explain, open_index
    from debugai.config import Config, engine_name

    if weights:  # leave-one-project-out: weights fitted without this case's project
        ranking.use_weights(ranking.weights_from(json.loads(Path(weights).read_text("utf-8"))))

    text, path_map = _inputs(case_dir, src)
    result: dict[str, Any] = {}
    t1 = time.perf_counter()
    index = open_index(src)
    try:
        name = engine_name(engine)
        # A benchmark run is not a user's run: a static one stays out of the run log.
        config = Config(run_log=False) if name == "static" else None
        diag = explain(text, src, engine=name, path_map=path_map, index=index, config=config)
    except Exception as exc:
        from debugai.errors import DebugaiError

        result["seconds"] = time.perf_counter() - t1
        kind = "refused" if isinstance(exc, DebugaiError) else "crash"
        result[kind] = f"{type(exc).__name__}: {exc}"
        if kind == "crash":
            result["traceback"] = traceback.format_exc()[-2000:]
        return result
    result["seconds"] = time.perf_counter() - t1
    result["candidates"] = [(c.file, c.line, c.symbol, c.score) for c in diag.candidates]
    result["context"] = [(s.file, s.start, s.end) for s in diag.context.spans]
    result["context_tokens"] = diag.context.tokens
    result["notes"] = diag.notes
    result["category"] = diag.root_cause.category if diag.root_cause else None
    return result


def features_case(case_dir: str, src: str) -> dict[str, Any]:
    """Every candidate the static engine considers, with its features (what `fit` learns from)."""
    from debugai.agent.static.engine import StaticEngine
    from debugai.api import open_index, read_trace

    text, path_map = _inputs(case_dir, src)
    index = open_index(src)
    trace = read_trace(text, index, path_map)
    cands = StaticEngine().candidates(trace, index)  # git: its recency is a feature
    return {"candidates": [(c.file, c.line, c.features) for c in cands]}


def main(argv: list[str]) -> int:
    if argv[:1] == ["prepare"]:
        print(json.dumps(prepare_case(argv[1], argv[2])))
        return 0
    if argv[:1] == ["features"]:
        print(json.dumps(features_case(argv[1], argv[2])))
        return 0
    if argv[:1] == ["explain"]:
        print(json.dumps(explain_case(argv[1], argv[2], argv[3], *argv[4:5])))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
