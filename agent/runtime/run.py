"""Re-run the user's command under the probe: a hard time limit, the user's environment, no shell.

The command is split like a shell would (`shlex`) but never given to one: it runs as the user,
in the repository, with nothing added but the probe on PYTHONPATH and three DEBUGAI_PROBE_*
variables. `pytest ...`, `python -m pytest ...` get `-p _debugai_probe_pytest`; `python script.py`
and `python -m module` run through `python -m _debugai_probe_script`; anything else (`tox`, `make
test`) gets the plugin through PYTEST_ADDOPTS and is traced if it ends up in pytest. The whole
process group is killed at the time limit.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from debugai.errors import UsageError

PROBE_MODULE = "_debugai_probe"
PLUGIN_MODULE = "_debugai_probe_pytest"  # the pytest plugin, which imports PROBE_MODULE
SCRIPT_MODULE = "_debugai_probe_script"  # runs a script or module under PROBE_MODULE
DEFAULT_TIMEOUT = 300.0
OUTPUT_TAIL = 4000  # characters of the command's output kept for the report
_PYTHON = re.compile(r"^python(\d+(\.\d+)?)?(\.exe)?$")
_PYTEST = re.compile(r"^(py\.test|pytest)(\.exe)?$")


@dataclass(frozen=True, slots=True)
class RunSpec:
    """What to re-run and how: `env` is the user's environment, passed in by the front end."""

    command: str
    timeout: float = DEFAULT_TIMEOUT
    env: Mapping[str, str] = field(default_factory=dict)
    baseline: bool = True  # run once untraced too: the reproduction check and the overhead
    backend: str = "auto"  # auto | settrace | monitoring (auto: monitoring on 3.12+)
    focus: str = ""  # the failing test's id (from the trace): only its returns are recorded


@dataclass(frozen=True, slots=True)
class Return:
    """A repository function returned: where, what type, a short repr for scalars, to whom."""

    file: str
    first_line: int
    name: str
    line: int
    type: str
    repr: str | None
    call_file: str | None
    call_line: int | None


@dataclass(slots=True)
class TestRun:
    id: str
    outcome: str  # passed | failed | skipped | running (killed) | <collect> buckets: "running"
    lines: dict[str, set[int]]
    returns: list[Return]
    env: list[tuple[str, bool, str, int]]  # key, present, file, line
    exc_type: str = ""
    exc_message: str = ""
    exc_frames: list[tuple[str, int]] = field(default_factory=list)  # outermost first

    @property
    def is_test(self) -> bool:
        return self.id != "<collect>"


@dataclass(slots=True)
class Observation:
    """What the re-run did and what the probe saw."""

    command: str
    exit_code: int | None
    seconds: float
    timed_out: bool = False
    plain_seconds: float | None = None
    plain_exit_code: int | None = None
    backend: str = ""
    python: str = ""
    tests: list[TestRun] = field(default_factory=list)
    output: str = ""
    problem: str = ""  # why there is no record, when there is none

    @property
    def overhead(self) -> float | None:
        if self.plain_seconds is None or self.plain_seconds <= 0 or self.timed_out:
            return None
        return self.seconds / self.plain_seconds

    def count(self, outcome: str) -> int:
        return sum(1 for t in self.tests if t.is_test and t.outcome == outcome)


def instrument(argv: list[str]) -> tuple[list[str], bool]:
    """The command with the probe joined in; False when only PYTEST_ADDOPTS can bring it in."""
    if not argv:
        raise UsageError("--run needs a command, e.g. --run 'pytest tests/test_x.py::test_y'")
    exe = Path(argv[0]).name
    if _PYTEST.match(exe):
        return [argv[0], "-p", PLUGIN_MODULE, *argv[1:]], True
    if _PYTHON.match(exe) and len(argv) > 1:
        if argv[1:3] == ["-m", "pytest"]:
            return [*argv[:3], "-p", PLUGIN_MODULE, *argv[3:]], True
        if (argv[1] == "-m" and len(argv) > 2) or not argv[1].startswith("-"):
            return [argv[0], "-m", SCRIPT_MODULE, *argv[1:]], True
    return list(argv), False


def _execute(
    argv: list[str], cwd: Path, env: dict[str, str], timeout: float
) -> tuple[int | None, float, bool, str]:
    """(exit code, seconds, timed out, output) of one run; the process group dies at timeout."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so the limit kills its children too
        )
    except FileNotFoundError:
        raise UsageError(f"--run: command not found: {argv[0]}") from None
    except OSError as exc:
        raise UsageError(f"--run: cannot start {argv[0]}: {exc.strerror or exc}") from None
    timed_out = False
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(proc)
        out, _ = proc.communicate()
    seconds = time.perf_counter() - t0
    text = out.decode("utf-8", "replace") if out else ""
    return (None if timed_out else proc.returncode), seconds, timed_out, text[-OUTPUT_TAIL:]


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()


def run_observed(spec: RunSpec, repo: str | Path) -> Observation:
    """Run spec.command in repo (plainly first when spec.baseline), then under the probe."""
    root = Path(repo).resolve()
    try:
        argv = shlex.split(spec.command)
    except ValueError as exc:
        raise UsageError(f"--run {spec.command!r}: {exc}") from None
    traced, direct = instrument(argv)
    obs = Observation(command=spec.command, exit_code=None, seconds=0.0)
    base_env = dict(spec.env)
    if spec.baseline:
        code, secs, timed_out, out = _execute(argv, root, base_env, spec.timeout)
        obs.plain_exit_code, obs.plain_seconds = code, secs
        if timed_out:
            obs.exit_code, obs.seconds, obs.timed_out, obs.output = None, secs, True, out
            obs.problem = f"the command ran past the {spec.timeout:g} s limit and was killed"
            return obs
        if code == 0:
            obs.exit_code, obs.seconds, obs.output = code, secs, out
            obs.problem = "the command passed (exit 0)"
            return obs
    with tempfile.TemporaryDirectory(prefix="debugai-run-") as tmp:
        for src, name in (
            ("probe", PROBE_MODULE),
            ("probe_monitoring", f"{PROBE_MODULE}_monitoring"),
            ("probe_pytest", PLUGIN_MODULE),
            ("probe_script", SCRIPT_MODULE),
        ):
            shutil.copy(Path(__file__).with_name(f"{src}.py"), Path(tmp) / f"{name}.py")
        record = Path(tmp) / "record.json"
        env = dict(base_env)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (tmp, base_env.get("PYTHONPATH", "")) if p)
        env.update(
            DEBUGAI_PROBE_ROOT=str(root), DEBUGAI_PROBE_OUT=str(record),
            DEBUGAI_PROBE_BACKEND=spec.backend, DEBUGAI_PROBE_FOCUS=spec.focus,
        )  # fmt: skip
        if not direct:
            env["PYTEST_ADDOPTS"] = (
                f"{base_env.get('PYTEST_ADDOPTS', '')} -p {PLUGIN_MODULE}".strip()
            )
        code, secs, timed_out, out = _execute(traced, root, env, spec.timeout)
        obs.exit_code, obs.seconds, obs.timed_out, obs.output = code, secs, timed_out, out
        if timed_out:
            obs.problem = f"the traced command ran past the {spec.timeout:g} s limit and was killed"
        if record.is_file():
            _read_record(obs, json.loads(record.read_text("utf-8")))
        elif not obs.problem:
            obs.problem = "the command ran no Python the tracer could join (no record was written)"
    return obs


def _read_record(obs: Observation, data: dict[str, Any]) -> None:
    obs.backend = str(data.get("backend", ""))
    obs.python = str(data.get("python", ""))
    for t in data.get("tests", []):
        exc = t.get("exc") or {}
        obs.tests.append(
            TestRun(
                id=str(t["id"]),
                outcome=str(t["outcome"]),
                lines={str(f): set(map(int, v)) for f, v in t.get("lines", {}).items()},
                returns=[Return(*r) for r in t.get("returns", [])],
                env=[(str(k), bool(p), str(f), int(ln)) for k, p, f, ln in t.get("env", [])],
                exc_type=str(exc.get("type", "")),
                exc_message=str(exc.get("message", "")),
                exc_frames=[(str(f), int(ln)) for f, ln, *_ in exc.get("frames", [])],
            )
        )
