"""The one interface the pipeline asks of an engine that refines the static diagnosis.

The pipeline always runs the static engine first (its candidates steer the packed context);
an `Engine` then gets the trace, the index, that context and the static diagnosis, and returns
the final Diagnosis. `context_budget` is how many tokens of code the engine can read: the
pipeline packs no more than that (a small local model has a small window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from debugai.agent.context import Context
    from debugai.agent.diagnosis import Diagnosis
    from debugai.agent.traceback import Trace
    from debugai.indexers import CodeIndex


@runtime_checkable
class Engine(Protocol):
    """Turns the static diagnosis into the final one (the LLM engine, a replay, a test double)."""

    @property
    def context_budget(self) -> int:
        """Tokens of code this engine can read; the pipeline packs at most this many."""
        ...

    def diagnose(
        self, trace: Trace, index: CodeIndex, context: Context, static: Diagnosis
    ) -> Diagnosis:
        """The final diagnosis, given the static one and the packed context."""
        ...
