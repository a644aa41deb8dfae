"""The public library calls; the pipeline itself lives in debugai.agent.pipeline.

`explain` here is the pipeline's, with one convenience for library users: called without a
config for an engine that may use a model, it loads the config as the CLI would (environment,
then the repository's `[tool.debugai]`). The agent itself never reads the environment.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from debugai.agent import pipeline
from debugai.agent.pipeline import DEFAULT_BUDGET, ENGINES, open_index, read_trace
from debugai.config import Config, EngineName, load_config

if TYPE_CHECKING:
    from debugai.agent.diagnosis import Diagnosis
    from debugai.agent.engine import Engine
    from debugai.agent.runtime import RunSpec
    from debugai.indexers import CodeIndex

__all__ = ["DEFAULT_BUDGET", "ENGINES", "explain", "open_index", "read_trace"]


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
    """Find the root cause of the crash in `trace_text` within the repository `repo`; `run`
    re-runs a command under the runtime tracer first (debugai.agent.runtime.RunSpec)."""
    if config is None and isinstance(engine, str) and engine != "static":
        root = index.root if index is not None else Path(repo).expanduser()
        config = load_config(root if Path(root).is_dir() else None)
    return pipeline.explain(
        trace_text, repo, engine, budget, path_map=path_map, config=config, index=index, run=run
    )
