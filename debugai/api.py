"""The public library calls; the pipeline itself lives in debugai.agent.pipeline."""

from debugai.agent.pipeline import DEFAULT_BUDGET, ENGINES, explain, open_index, read_trace

__all__ = ["DEFAULT_BUDGET", "ENGINES", "explain", "open_index", "read_trace"]
