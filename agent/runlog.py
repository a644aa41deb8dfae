"""The run log: every explain (static or model) and every chat turn appended as one JSON line
under the cache dir, replayable.

A record holds the trace (as data and as re-parseable text), the packed context, every request
exactly as sent (redacted) with its response, the diagnosis and the notes. A static record is
replayed by explaining its trace again; `debugai.agent.llm.replay.ReplayModel` plays a model
record's responses back in order — no network — so a run can be re-run after a prompt or
grounding change, and a surprising run can become an eval case.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from debugai.agent.redact import Redactor
    from debugai.agent.traceback import Trace

RUNLOG_FILE = "runs.jsonl"


def runlog_path(cache_dir: Path) -> Path:
    return cache_dir / RUNLOG_FILE


@dataclass
class RunRecord:
    """One run of the LLM engine, as logged."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    started: float = field(default_factory=time.time)
    engine: str = ""
    model: str = ""
    base_url: str = ""
    repo: str = ""
    outcome: str = "ok"  # ok | degraded | failed | dumped
    trace: dict[str, Any] = field(default_factory=dict)
    trace_text: str = ""
    context: list[dict[str, Any]] = field(default_factory=list)
    exchanges: list[dict[str, Any]] = field(
        default_factory=list
    )  # {request, response, seconds, cached}
    diagnosis: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    prompt_version: str = ""

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def append_run(cache_dir: Path, record: RunRecord, redactor: Redactor | None = None) -> Path:
    """Append record as one line; concurrent runs each write whole lines (O_APPEND + one write).

    What is stored is redacted, whatever was sent (`--no-redact` opts out of masking what goes
    to the model, never of keeping secrets off the disk): pass the run's redactor so the log's
    placeholders are the ones the model saw. The file is the user's alone (0600).
    """
    from debugai.agent.redact import Redactor

    if redactor is None or not redactor.enabled:
        redactor = Redactor()
    path = runlog_path(cache_dir)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = redactor.redact_obj(json.loads(json.dumps(record.to_json(), default=str)))
    line = (json.dumps(data, ensure_ascii=False) + "\n").encode()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != 0o600:
            os.fchmod(fd, 0o600)  # a log made before this rule, or under a lax umask
        with contextlib.suppress(ImportError, OSError):
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, line)
    finally:
        os.close(fd)
    return path


def read_runs(cache_dir: Path, last: int | None = None) -> list[dict[str, Any]]:
    """The logged runs, oldest first (only the last `last` ones if given); bad lines skipped."""
    path = runlog_path(cache_dir)
    if not path.is_file():
        return []
    runs: list[dict[str, Any]] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            with contextlib.suppress(ValueError):
                data = json.loads(line)
                if isinstance(data, dict) and "id" in data:
                    runs.append(data)
    from debugai.agent.redact import Redactor

    # Runs logged before the log was redacted at rest are masked on the way out.
    redactor = Redactor()
    return [redactor.redact_obj(run) for run in (runs[-last:] if last else runs)]


def find_run(cache_dir: Path, run_id: str) -> dict[str, Any] | None:
    """The run whose id starts with run_id (the newest if several)."""
    run: dict[str, Any]
    for run in reversed(read_runs(cache_dir)):
        if str(run.get("id", "")).startswith(run_id):
            return run
    return None


def trace_text(trace: Trace, root: Path | None = None) -> str:
    """The trace as CPython would print it (repo frames with repo paths), re-parseable for replay."""
    parts: list[str] = []
    for i, exc in enumerate(trace.chain):
        if i:
            parts.append(
                "\nThe above exception was the direct cause of the following exception:\n"
                if exc.relation == "cause"
                else "\nDuring handling of the above exception, another exception occurred:\n"
            )
        if exc.frames:
            parts.append("Traceback (most recent call last):")
        for fr in exc.frames:
            file = fr.repo_path if fr.repo_path else fr.file
            if root is not None and fr.repo_path:
                file = str(root / fr.repo_path)
            line = fr.repo_line or fr.line or 0
            parts.append(f'  File "{file}", line {line}, in {fr.function or "<module>"}')
            if fr.source:
                parts.append(f"    {fr.source.strip()}")
        parts.append(f"{exc.type}: {exc.message}" if exc.message else exc.type)
    return "\n".join(parts) + "\n"
