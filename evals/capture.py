"""Run eval cases and capture their output: `python -m debugai.evals.capture [--check] [ID|GLOB ...]`.

Each case's project is copied to a temp dir and its command run there with a clean, fixed
environment; paths in the combined output are rewritten to look like a container (`/app`,
`/usr/local/lib/python3.X[/site-packages]`) so the committed `output.txt` is the same on any
machine. The ground truth is then verified against the output (root_in_traceback, the chain's
last hop). `--check` re-runs and compares instead of writing, so no case drifts from its truth.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import importlib.metadata
import os
import re
import shutil
import site
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from debugai.evals.case import CASES_DIR, Case, CaseError, ProjectCode, load_case, truth_problems

APP_DIR = "/app"
PY_MINOR = f"{sys.version_info.major}.{sys.version_info.minor}"
LIB_DIR = f"/usr/local/lib/python{PY_MINOR}"
SITE_DIR = f"{LIB_DIR}/site-packages"

FIXED_ENV = {
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONHASHSEED": "0",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "COLUMNS": "100",
}

_PY_FRAME = re.compile(r'^\s*File "(?P<path>[^"]+)", line (?P<line>\d+), in (?P<func>\S+)')
# pytest's long/auto format: "app/x.py:12: in func" and the raising line "app/x.py:12: KeyError".
_PYTEST_FRAME = re.compile(
    r"^(?P<path>[^\s:\"]+\.py):(?P<line>\d+): (?:in (?P<func>\S+)|(?P<exc>[A-Za-z_][\w.]*))\s*$"
)


@dataclass(frozen=True, slots=True)
class Frame:
    """One traceback frame found in captured output."""

    path: str  # as printed (after path rewriting)
    line: int
    function: str | None  # None for pytest's "path:N: ErrorType" line
    file: str | None  # project-relative path when the frame is in the project, else None


@dataclass(frozen=True, slots=True)
class Capture:
    """The result of running one case."""

    case: Case
    output: str
    returncode: int
    seconds: float


# --- running -----------------------------------------------------------------------------------


def missing_requirements(case: Case) -> list[str]:
    """The case's required packages that are not installed here."""
    missing = []
    for name in case.requires:
        try:
            importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(name)
    return missing


# Tools print differently when they think they run in CI (pytest stops truncating its short
# summary when CI or BUILD_NUMBER is set), so a case must not see where it runs.
CI_MARKERS = ("CI", "BUILD_NUMBER", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "BUILDKITE")


def clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The parent environment minus PYTHON* and CI markers, plus the fixed settings and extra."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "PYTEST_")) and k not in CI_MARKERS
    }
    env.update(FIXED_ENV)
    env.update(extra or {})
    return env


def run_project(
    project_dir: Path, argv: Sequence[str], env: dict[str, str], timeout: float, label: str
) -> tuple[str, int, float]:
    """Run argv in a temp copy of project_dir: (rewritten combined output, exit code, seconds)."""
    tmp = Path(tempfile.mkdtemp(prefix="debugai-case-"))
    run_dir = tmp / "app"
    try:
        shutil.copytree(project_dir, run_dir, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                list(argv),
                cwd=run_dir,
                env=clean_env(env),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise CaseError(f"{label}: timed out after {timeout:g}s") from None
        except OSError as exc:
            raise CaseError(f"{label}: cannot run {argv[0]!r}: {exc}") from None
        seconds = time.perf_counter() - start
        text = proc.stdout.decode("utf-8", errors="replace").replace("\r\n", "\n")
        return rewrite_paths(text, run_dir), proc.returncode, seconds
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_case(case: Case) -> Capture:
    """Copy the project to a temp dir, run the case's command there, return rewritten output."""
    missing = missing_requirements(case)
    if missing:
        raise CaseError(f"{case.id}: needs {', '.join(missing)} (pip install -e '.[evals]')")
    output, code, seconds = run_project(
        case.project_dir, case.run.argv(sys.executable), case.run.env, case.run.timeout, case.id
    )
    if code == 0:
        raise CaseError(f"{case.id}: the command exited 0; a case must crash or fail")
    if not output.strip():
        raise CaseError(f"{case.id}: the command printed nothing")
    return Capture(case, output.rstrip("\n") + "\n", code, seconds)


def _path_map(run_dir: Path) -> list[tuple[str, str]]:
    """(local prefix, container prefix) pairs, longest first so nested dirs win."""
    pairs: dict[str, str] = {}
    for d in {str(run_dir), os.path.realpath(run_dir)}:
        pairs[d] = APP_DIR
    sites = [*site.getsitepackages(), site.getusersitepackages()]
    sites += [sysconfig.get_paths()[k] for k in ("purelib", "platlib")]
    for d in sites:
        for p in {d, os.path.realpath(d)}:
            pairs[p] = SITE_DIR
    for key in ("stdlib", "platstdlib"):
        d = sysconfig.get_paths()[key]
        for p in {d, os.path.realpath(d)}:
            pairs.setdefault(p, LIB_DIR)
    for prefix in {sys.prefix, sys.base_prefix}:
        pairs.setdefault(os.path.join(prefix, "bin"), "/usr/local/bin")
    return sorted(pairs.items(), key=lambda kv: len(kv[0]), reverse=True)


def rewrite_paths(text: str, run_dir: Path) -> str:
    """Machine paths → container paths: run dir → /app, site-packages, stdlib, interpreter."""
    for local, container in _path_map(run_dir):
        text = text.replace(local, container)
    return text


# --- reading frames and verifying the truth ---------------------------------------------------


def parse_frames(output: str, project_dir: Path) -> list[Frame]:
    """Every traceback frame in output (Python's and pytest's formats), in order."""
    frames = []
    for raw in output.splitlines():
        m = _PY_FRAME.match(raw) or _PYTEST_FRAME.match(raw)
        if not m:
            continue
        path = m.group("path")
        frames.append(
            Frame(path, int(m.group("line")), m.group("func"), _project_file(path, project_dir))
        )
    return frames


def _project_file(path: str, project_dir: Path) -> str | None:
    if path.startswith(APP_DIR + "/"):
        rel = path[len(APP_DIR) + 1 :]
    elif not path.startswith(("/", "<", "..")):
        rel = path  # pytest prints project files relative to its rootdir
    else:
        return None
    return rel if (project_dir / rel).is_file() else None


def truth_in_frames(case: Case, frames: Sequence[Frame]) -> bool:
    """Whether the truth span overlaps the function (or module body) of any project frame."""
    code = ProjectCode(case.project_dir)
    t = case.truth
    for f in frames:
        if f.file != t.file:
            continue
        if f.function == "<module>":
            # A module frame runs the top-level code: the truth is in it when it lies outside
            # every def/class, or in the statement the frame is at (a decorated def, a class).
            defs = code.definitions(t.file)
            if not any(d.start <= t.line and t.end_line <= d.end for d in defs):
                return True
            stmt = code.statement_at(f.file, f.line)
            if stmt and t.overlaps(f.file, *stmt):
                return True
            continue
        d = code.enclosing(f.file, f.line, f.function)
        if d is None:
            if not any(x.start <= t.line <= x.end for x in code.definitions(t.file)):
                return True
        elif t.overlaps(f.file, d.start, d.end):
            return True
    return False


def verify(case: Case, output: str) -> list[str]:
    """What is wrong with the case's truth given its captured output (empty when it holds)."""
    problems = truth_problems(case)
    frames = [f for f in parse_frames(output, case.project_dir) if f.file]
    if not frames:
        return [*problems, "the output has no traceback frame inside the project"]
    actual = truth_in_frames(case, frames)
    if actual != case.truth.root_in_traceback:
        problems.append(
            f"root_in_traceback = {str(case.truth.root_in_traceback).lower()} but the traceback "
            f"{'does' if actual else 'does not'} show {case.truth.file}:{case.truth.line}"
        )
    code = ProjectCode(case.project_dir)
    last = code.resolve(case.truth.chain[-1])
    frame_defs = {
        code.enclosing(f.file, f.line, f.function) if f.function != "<module>" else None
        for f in frames
        if f.file
    }
    frame_modules = {f.file for f in frames if f.function == "<module>"}
    if last is not None and not (
        last in frame_defs or (last.qualname == "" and last.file in frame_modules)
    ):
        problems.append(
            f"chain must end at a function of the traceback; {case.truth.chain[-1]} is in no frame"
        )
    return problems


# --- normalising for --check --------------------------------------------------------------------

_LIB_FRAME = re.compile(
    r'^(?P<pre>\s*File "/usr/local/lib/python3\.\d+/[^"]*", line )\d+(?P<post>, in \S+)'
)
_LIB_PYTEST = re.compile(r"^(?P<pre>/usr/local/lib/python3\.\d+/\S+\.py:)\d+(?P<post>: .*)$")
_VOLATILE = [
    (re.compile(r"0x[0-9a-fA-F]{4,}"), "0x?"),
    # Libraries link their docs by version (errors.pydantic.dev/2.14/...).
    (re.compile(r"(https?://\S*?/)v?\d+\.\d+(?:\.\d+)?(?=/)"), r"\1<v>"),
    (re.compile(r"(sqlalche\.me/e/)\d+"), r"\1<v>"),
    # SQLAlchemy names anonymous bind parameters by id(): '%(140603581902352 param)s'.
    (re.compile(r"%\(\d+ "), "%(<id> "),
    (re.compile(r"/usr/local/lib/python3\.\d+"), "/usr/local/lib/python3"),
    (re.compile(r"(?<![\w/])/(?:tmp|var/folders|private/var)/[^\s\"':]+"), "<tmp>"),
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:s|ms|sec|seconds)\b"), "<t>"),
    (re.compile(r"\(\d+:\d\d:\d\d(?:\.\d+)?\)"), "(<t>)"),
]
_DROP = re.compile(
    r"^\s*[\^~]+\s*$"  # caret-only lines vary across Python versions
    r"|^(?:platform |rootdir: |configfile: |plugins: |cachedir: |hypothesis profile |Using --randomly)"
)


# A frame in an installed package (after rewrite_paths), in Python's and in pytest's format.
_SITE_FRAME = re.compile(r'^(?P<indent>\s*)File "/usr/local/lib/python3\.\d+/site-packages/[^"]*"')
_SITE_PYTEST = re.compile(r"^/usr/local/lib/python3\.\d+/site-packages/\S+\.py:\d+: in \S+")
THIRD_PARTY = "[third-party frames]"


def _collapse_third_party(lines: list[str]) -> list[str]:
    """Each run of consecutive frames in site-packages (with their source lines) as one line.

    Which frames a library adds between two of the project's is that library's version, not
    the case: pluggy 1.5 calls hooks through `_callers.py`, 1.6 through `_execution.py` with
    more wrapper frames, so a case captured with one failed --check in a venv with the other.
    The project's frames, the stdlib's and the exception lines are all kept.
    """
    out: list[str] = []
    in_run: str | None = None  # the indent of the frame lines of the current run
    for line in lines:
        py = _SITE_FRAME.match(line)
        if py or _SITE_PYTEST.match(line):
            indent = py.group("indent") if py else ""
            if in_run != indent:
                out.append(indent + THIRD_PARTY)
            in_run = indent
            continue
        if in_run is not None and line.startswith(in_run + "  ") and not _PY_FRAME.match(line):
            continue  # a run's source line, or its carets
        in_run = None
        out.append(line)
    return out


def normalise(text: str) -> str:
    """Output with volatile bits (addresses, timings, versions, library line numbers) masked,
    and each run of third-party frames collapsed to one line."""
    out: list[str] = []
    skip_source = False
    for line in _collapse_third_party(text.splitlines()):
        if skip_source:
            skip_source = False
            # The source line under a library frame follows that library's version.
            if line.startswith("    ") and not _PY_FRAME.match(line):
                continue
        if _DROP.match(line):
            continue
        m = _LIB_FRAME.match(line)
        if m:
            line = f"{m.group('pre')}?{m.group('post')}"
            skip_source = True
        else:
            m = _LIB_PYTEST.match(line)
            if m:
                line = f"{m.group('pre')}?{m.group('post')}"
        for pattern, repl in _VOLATILE:
            line = pattern.sub(repl, line)
        out.append(line.rstrip())
    return "\n".join(out).strip("\n") + "\n"


def drift(expected: str, actual: str, limit: int = 20) -> list[str]:
    """A short unified diff between normalised outputs; empty when they match."""
    a, b = normalise(expected), normalise(actual)
    if a == b:
        return []
    diff = list(
        difflib.unified_diff(a.splitlines(), b.splitlines(), "output.txt", "now", lineterm="", n=1)
    )
    return diff[:limit] + (
        [f"... {len(diff) - limit} more diff lines"] if len(diff) > limit else []
    )


# --- command line --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """What capturing or checking one case found."""

    case_id: str
    ok: bool
    message: str
    details: tuple[str, ...] = ()


def process(case: Case, check: bool) -> Outcome:
    """Run one case; write output.txt (or compare with it when check) and verify the truth."""
    try:
        cap = run_case(case)
    except CaseError as exc:
        return Outcome(case.id, False, str(exc).removeprefix(f"{case.id}: "))
    problems = verify(case, cap.output)
    if check:
        if not case.output_path.exists():
            return Outcome(case.id, False, "no output.txt to check against")
        diff = drift(case.output_path.read_text(encoding="utf-8"), cap.output)
        if diff:
            return Outcome(case.id, False, "output drifted", tuple(diff))
    else:
        case.output_path.write_text(cap.output, encoding="utf-8")
    if problems:
        return Outcome(case.id, False, "truth does not hold", tuple(problems))
    verb = "matches" if check else "captured"
    return Outcome(case.id, True, f"{verb} (exit {cap.returncode}, {cap.seconds:.1f}s)")


def select(patterns: Sequence[str], root: Path) -> list[Path]:
    """Case folders whose ids match any of the patterns (all cases when none)."""
    if not root.is_dir():
        raise CaseError(f"no cases folder at {root}")
    dirs = sorted(p.parent for p in root.glob("*/case.toml"))
    if not patterns:
        return dirs
    names = [p.rstrip("/").rsplit("/", 1)[-1] for p in patterns]
    unmatched = [n for n in names if not any(fnmatch.fnmatchcase(d.name, n) for d in dirs)]
    if unmatched:
        raise CaseError(f"no case matches {', '.join(unmatched)}")
    return [d for d in dirs if any(fnmatch.fnmatchcase(d.name, n) for n in names)]


def process_dir(case_dir: Path, check: bool) -> Outcome:
    """Load then process one case folder; a broken case.toml is a failed outcome."""
    try:
        case = load_case(case_dir)
    except CaseError as exc:
        return Outcome(case_dir.name, False, str(exc).removeprefix(f"{case_dir.name}: "))
    return process(case, check)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m debugai.evals.capture",
        description="Run eval cases and write (or --check) their output.txt.",
    )
    parser.add_argument("cases", nargs="*", metavar="CASE_ID_OR_GLOB")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--cases-dir", type=Path, default=CASES_DIR)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    try:
        dirs = select(args.cases, args.cases_dir)
    except CaseError as exc:
        print(f"capture: error: {exc}", file=sys.stderr)
        return 2
    if not dirs:
        print("capture: error: no cases found", file=sys.stderr)
        return 2
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = list(pool.map(lambda d: process_dir(d, args.check), dirs))
    failed = [o for o in outcomes if not o.ok]
    for o in outcomes:
        print(f"{'ok  ' if o.ok else 'FAIL'} {o.case_id}: {o.message}")
        for d in o.details:
            print(f"     {d}")
    print(f"{len(outcomes) - len(failed)}/{len(outcomes)} ok")
    if failed:
        print("failed: " + " ".join(o.case_id for o in failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
