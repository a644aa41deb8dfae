"""Runtime evidence (`--run CMD`): re-run the failing command under a tracer limited to repo code.

`observe(spec, trace, index)` runs the command (only when asked), reads what the probe saw and
returns the Evidence the static ranking combines with its own score; `run_out` is the JSON
`run` object of the diagnosis.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from debugai.agent.diagnosis import RunOut
from debugai.agent.redact import Redactor
from debugai.agent.runtime.evidence import Evidence, Facts, gather
from debugai.agent.runtime.run import Observation, RunSpec, run_observed

if TYPE_CHECKING:
    from debugai.agent.traceback import Trace
    from debugai.indexers import CodeIndex

__all__ = ["Evidence", "Facts", "Observation", "RunSpec", "observe", "run_out"]


def observe(spec: RunSpec, trace: Trace, index: CodeIndex, *, redact: bool = True) -> Evidence:
    """Re-run spec.command in the repository and turn what it did into evidence."""
    if not spec.focus and trace.test_id:
        spec = dataclasses.replace(spec, focus=trace.test_id)
    obs = run_observed(spec, index.root)
    return gather(obs, trace, index, Redactor(enabled=redact))


def run_out(ev: Evidence) -> RunOut:
    obs = ev.observation
    overhead = obs.overhead
    return RunOut(
        command=Redactor().redact(obs.command),
        exit_code=obs.exit_code,
        seconds=round(obs.seconds, 3),
        tracer_overhead=round(overhead, 2) if overhead is not None else None,
        tests_passed=obs.count("passed"),
        tests_failed=obs.count("failed"),
        reproduced=ev.reproduced,
        backend=obs.backend,
        note=ev.note,
    )
