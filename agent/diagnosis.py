"""The Diagnosis model: the JSON output contract (version 1) and the schema asked of the LLM.

One source of truth: `Diagnosis.model_dump(mode="json")` is what `--format json` prints, and
`DiagnosisAnswer.model_json_schema()` is what the LLM engine sends as its response schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

FrameKind = Literal["repo", "third_party", "stdlib", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorFrame(_Model):
    file: str
    line: int
    function: str
    in_repo: bool


class ErrorInfo(_Model):
    type: str
    message: str
    frames: list[ErrorFrame] = Field(default_factory=list)


class Location(_Model):
    file: str = Field(description="path relative to the repository root")
    line: int = Field(ge=1)
    end_line: int | None = Field(default=None, ge=1)
    symbol: str | None = Field(default=None, description="qualified name, e.g. app.users.get_user")


class RootCause(Location):
    category: str = "unknown"
    explanation: str = ""


class Candidate(Location):
    score: float = 0.0
    why: str = ""
    commit: str | None = Field(default=None, description="suspect commit that last touched it")
    observed: list[str] = Field(
        default_factory=list, description="what a re-run (--run) saw of it, redacted"
    )


class Hop(_Model):
    file: str
    line: int = Field(ge=1)
    symbol: str | None = None
    explanation: str = ""


class Fix(_Model):
    summary: str = ""
    diff: str = ""


class SpanOut(_Model):
    file: str
    start: int
    end: int
    symbol: str | None = None
    reason: str = ""


class ContextOut(_Model):
    tokens: int = 0
    spans: list[SpanOut] = Field(default_factory=list)


class Usage(_Model):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cost_usd: float | None = None


class RunOut(_Model):
    """The re-run behind the runtime evidence (`--run CMD`)."""

    command: str
    exit_code: int | None = None
    seconds: float = 0.0
    tracer_overhead: float | None = Field(
        default=None, description="traced seconds / plain seconds, both measured in this run"
    )
    tests_passed: int = 0
    tests_failed: int = 0
    reproduced: bool = False
    backend: str = ""
    note: str = ""


class Diagnosis(_Model):
    version: int = SCHEMA_VERSION
    engine: str = "static"
    error: ErrorInfo
    root_cause: RootCause | None = None
    candidates: list[Candidate] = Field(default_factory=list)
    chain: list[Hop] = Field(default_factory=list)
    fix: Fix | None = None
    context: ContextOut = Field(default_factory=ContextOut)
    usage: Usage = Field(default_factory=Usage)
    notes: list[str] = Field(default_factory=list, description="warnings and degradations")
    dropped_citations: int = 0
    prompt_version: str | None = None
    run: RunOut | None = None

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


class DiagnosisAnswer(_Model):
    """What the model is asked to return; grounded and merged into a Diagnosis afterwards."""

    root_cause: RootCause
    chain: list[Hop] = Field(description="from the root cause to the line that raised")
    fix: Fix | None = None
