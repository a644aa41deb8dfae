"""The model's grounded answer merged into the static diagnosis, and the state of one run.

`merge` puts the model's root cause first (or, for a model that only confirms, lists its
disagreeing pick second) and `finish` adds what the run did to the notes: citations dropped,
tool calls refused, secrets redacted, answers from the cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from debugai.agent import runlog
from debugai.agent.diagnosis import Candidate, Diagnosis, DiagnosisAnswer
from debugai.agent.llm.prompts import prompt_version
from debugai.agent.llm.tools import ToolBox
from debugai.agent.redact import Redactor


@dataclass
class RunState:
    """Mutable state of one LLMEngine.diagnose() call."""

    redactor: Redactor
    tools: ToolBox
    record: runlog.RunRecord
    notes: list[str] = field(default_factory=list)
    tool_mode: str = "native"  # native | plain | off
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached: int = 0
    calls: int = 0
    dropped: int = 0
    billable: tuple[int, int] = (
        0,
        0,
    )  # prompt/completion tokens actually sent (cache hits cost nothing)
    shown_files: tuple[str, ...] = ()  # files the prompt showed the model
    deadline: float | None = None  # time.monotonic() by which every step must be done


def merge(
    static: Diagnosis,
    answer: DiagnosisAnswer,
    run: RunState,
    model_name: str,
    *,
    local: bool,
    authority: str,
) -> Diagnosis:
    """The final diagnosis: the model's root cause first, or second when it only confirms."""
    diag = static.model_copy(deep=True)
    diag.engine = f"{'local' if local else 'llm'}:{model_name}"
    rc = answer.root_cause
    matched = next(
        (c for c in static.candidates if same_place(c, rc.file, rc.line, rc.symbol)), None
    )
    if (
        authority == "confirm"
        and static.candidates
        and static.root_cause is not None
        and matched is not static.candidates[0]
    ):
        return _second_opinion(diag, static, answer, matched, run)
    if matched is not None and rc.category in ("", "unknown") and static.root_cause is not None:
        rc.category = static.root_cause.category
    top_score = max((c.score for c in static.candidates), default=1.0)
    first = Candidate(
        file=rc.file,
        line=rc.line,
        end_line=rc.end_line or (matched.end_line if matched else None),
        symbol=rc.symbol,
        score=top_score,
        why=rc.explanation or (matched.why if matched else ""),
        commit=matched.commit if matched else None,
    )
    diag.candidates = [first, *(c for c in static.candidates if c is not matched)]
    diag.root_cause = rc
    if matched is None:
        run.notes.append("the model chose a root cause that static analysis had not ranked")
    elif static.candidates and matched is not static.candidates[0]:
        run.notes.append(
            f"the model reordered the static candidates (picked #{static.candidates.index(matched) + 1})"
        )
    diag.chain = answer.chain or static.chain
    diag.fix = answer.fix if answer.fix and (answer.fix.summary or answer.fix.diff) else static.fix
    return finish(diag, run)


def _second_opinion(
    diag: Diagnosis,
    static: Diagnosis,
    answer: DiagnosisAnswer,
    matched: Candidate | None,
    run: RunState,
) -> Diagnosis:
    """The static diagnosis kept whole, with the model's disagreeing pick listed second."""
    rc = answer.root_cause
    top = static.candidates[0]
    pick = matched or Candidate(
        file=rc.file,
        line=rc.line,
        end_line=rc.end_line,
        symbol=rc.symbol,
        score=round(top.score * 0.99, 4),
        why=rc.explanation,
    )
    rest = [c for c in static.candidates[1:] if c is not matched]
    diag.candidates = [top, pick, *rest]
    place = f"{rc.file}:{rc.line}" + (f" {rc.symbol}" if rc.symbol else "")
    run.notes.append(
        f"the model suggested {place} instead; it is listed second because this model only "
        "confirms the static engine's first suspect (model_authority = confirm)"
    )
    return finish(diag, run)


def finish(diag: Diagnosis, run: RunState) -> Diagnosis:
    """What the run did, as notes on the diagnosis."""
    diag.dropped_citations = run.dropped
    if diag.dropped_citations:
        run.notes.append(
            f"{diag.dropped_citations} citation(s) not found in the repository were dropped"
        )
    if run.tools.refused:
        run.notes.append(f"{run.tools.refused} tool call(s) outside the repository were refused")
    if run.redactor.count:
        run.notes.append(f"{run.redactor.count} secret(s) redacted before sending")
    if run.cached:
        run.notes.append(f"{run.cached} of {run.calls} model answer(s) came from the cache")
    diag.notes.extend(run.notes)
    diag.prompt_version = prompt_version()
    return diag


def same_place(c: Candidate, file: str, line: int, symbol: str | None) -> bool:
    """Whether the candidate is the place the model named (by symbol when both have one)."""
    if c.file != file:
        return False
    if symbol and c.symbol:
        return c.symbol == symbol
    return c.line <= line <= (c.end_line or c.line)
