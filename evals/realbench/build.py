"""Recreate a real bug from a mirror and the registry, run its failing test, derive its truth.

    checkout   <work>/work/<id>/src    fixed commit's tree, the fix's source files at the buggy
                                        commit (BugsInPy's definition of the buggy state)
               <work>/work/<id>/fixed  the fixed commit (removed after the check)
    venv       <work>/venvs/<python>-<hash of requirements>, shared, built once under a lock

A case is kept only when its tests fail twice in the buggy state (pytest's default output and
--tb=native: both traces are kept) and pass twice at the fix.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from debugai.evals.realbench import spans as spans_mod
from debugai.evals.realbench.case import RealCase, mirror_of, save, work_dir
from debugai.evals.realbench.truth import locations, parse_unified
from debugai.indexers.files import is_test_path as is_test_file

TEST_TIMEOUT = 600
# The newest pip each old Python can run (an old venv's own pip may not read the registry's
# metadata, and picks a pip it cannot run).
_PIP = {"3.6": "pip==21.3.1", "3.7": "pip==24.0", "3.8": "pip==25.0.1"}
PIP_TIMEOUT = 1800
_NOT_SOURCE = ("docs", "doc", "examples", "example", "benchmarks")  # tests: files.is_test_path
# Environment variables that make tools behave differently under CI (pytest stops truncating).
_SCRUB = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILD_NUMBER", "TF_BUILD", "PYTHONPATH",
          "VIRTUAL_ENV", "PYTHONHOME", "PYTEST_ADDOPTS", "PYTHONSTARTUP")  # fmt: skip


class BuildRefused(Exception):
    """The case cannot be made here; the message says why (it goes into DROPPED.md)."""


def is_test_path(path: str) -> bool:
    """Not the project's library code: tests (as the engine tells them) or docs/examples."""
    return is_test_file(path) or any(part in _NOT_SOURCE for part in PurePosixPath(path).parts[:-1])


def _git(repo: Path, *args: str, check: bool = True) -> str:
    proc = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, errors="replace"
    )
    if check and proc.returncode != 0:
        raise BuildRefused(f"git {' '.join(args[:2])} failed: {proc.stderr.strip()[:200]}")
    return proc.stdout


def _git_bytes(repo: Path, *args: str) -> bytes | None:
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True)
    return proc.stdout if proc.returncode == 0 else None


def source_files(case: RealCase, mirror: Path) -> list[str]:
    if case.src_files:
        return list(case.src_files)
    names = _git(mirror, "diff", "--name-only", case.buggy_commit, case.fixed_commit)
    return [n for n in names.splitlines() if n.endswith(".py") and not is_test_path(n)]


def checkout(case: RealCase, mirror: Path, dest: Path, *, buggy: bool) -> None:
    """The fixed tree, or the buggy state: the fixed tree with the fix's source files reverted.

    The buggy state is built from the buggy commit with the fix's other files (its tests, data)
    laid over it, uncommitted: the same files as BugsInPy's recipe, but the history a developer
    would have, so `git blame` of the checkout never sees the fix (its commit is in the future).
    """
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    _git(Path.cwd(), "clone", "-q", "--shared", "--no-checkout", str(mirror), str(dest))
    head = case.buggy_commit if buggy else case.fixed_commit
    _git(dest, "-c", "advice.detachedHead=false", "checkout", "-q", head)
    if not buggy:
        return
    reverted = set(source_files(case, mirror))
    changed = _git(
        mirror, "diff", "--name-only", "--no-renames", case.buggy_commit, case.fixed_commit
    )
    for f in changed.splitlines():
        if not f or f in reverted:
            continue
        content = _git_bytes(mirror, "show", f"{case.fixed_commit}:{f}")
        target = dest / f
        if content is None:
            target.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)


def pyenv_python(minor: str) -> Path:
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = sorted(
        (p for p in root.glob(f"{minor}.*") if re.fullmatch(rf"{re.escape(minor)}\.\d+", p.name)),
        key=lambda p: int(p.name.rsplit(".", 1)[1]),
    )
    if not found:
        raise BuildRefused(f"no Python {minor} under {root}")
    return found[-1] / "bin" / "python"


def venv_for(case: RealCase) -> Path:
    reqs = sorted(case.requirements)
    digest = hashlib.sha256("\n".join([case.python, *reqs]).encode()).hexdigest()[:12]
    venv = work_dir() / "venvs" / f"{case.python}-{digest}"
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{venv}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (venv / ".debugai-ready").is_file():
            return venv
        if venv.exists():
            shutil.rmtree(venv)
        py = pyenv_python(case.python)
        log = Path(f"{venv}.log")
        with open(log, "w") as out:
            steps = [
                [str(py), "-m", "venv", str(venv)],
                [
                    str(venv / "bin/python"),
                    "-m",
                    "pip",
                    "install",
                    "-q",
                    _PIP.get(case.python, "pip"),
                ],
            ]
            if reqs:
                steps.append([str(venv / "bin/python"), "-m", "pip", "install", "-q", *reqs])
            for cmd in steps:
                try:
                    rc = subprocess.run(
                        cmd, stdout=out, stderr=subprocess.STDOUT, timeout=PIP_TIMEOUT
                    ).returncode
                except subprocess.TimeoutExpired:
                    rc = -1
                if rc != 0:
                    tail = log.read_text(errors="replace").strip().splitlines()[-3:]
                    raise BuildRefused(
                        f"environment did not install ({' '.join(cmd[2:5])}): {' | '.join(tail)[:300]}"
                    )
        (venv / ".debugai-ready").write_text("\n".join(reqs) + "\n")
    return venv


def _test_env(case: RealCase, src: Path, venv: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=os.pathsep.join(str(src / p) for p in case.pythonpath),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONHASHSEED="0",
        COLUMNS="120",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        TZ="UTC",
    )
    env.update(case.env)
    return env


@dataclass(frozen=True, slots=True)
class Outcome:
    output: str
    failed: tuple[str, ...]  # test cases that failed or errored
    passed: tuple[str, ...]
    collection_error: bool
    in_body: tuple[str, ...] = ()  # the failures inside a test body or a fixture that ran code


def test_args(tests: list[str]) -> tuple[list[str], list[str]]:
    """pytest arguments for the node ids, and the ids the plugin must select among them.

    A node id inside a package's `__init__.py` is passed as its package folder (old pytest
    finds neither the id nor, passed alone, the file) and selected by the plugin.
    """
    args: list[str] = []
    select: list[str] = []
    for t in tests:
        path = PurePosixPath(t.split("::", 1)[0])
        if path.name == "__init__.py" and "::" in t:
            select.append(t)
            t = str(path.parent)
        if t not in args:
            args.append(t)
    return args, select


def run_tests(case: RealCase, src: Path, venv: Path, *tb: str) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="realbench-") as tmp:
        shutil.copy(Path(__file__).with_name("outcomes_plugin.py"), tmp)
        env = _test_env(case, src, venv)
        env["PYTHONPATH"] += os.pathsep + tmp
        env["REALBENCH_OUTCOMES"] = outcomes = str(Path(tmp) / "outcomes.jsonl")
        args, select = test_args(case.tests)
        env["REALBENCH_SELECT"] = json.dumps(select)
        cmd = [str(venv / "bin/python"), "-m", "pytest", "-p", "no:cacheprovider",
               "-p", "outcomes_plugin", *tb, *args]  # fmt: skip
        try:
            proc = subprocess.run(
                cmd, cwd=src, env=env, capture_output=True, text=True, errors="replace",
                timeout=TEST_TIMEOUT, stdin=subprocess.DEVNULL,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            raise BuildRefused(f"tests ran past {TEST_TIMEOUT} s") from None
        records = []
        if Path(outcomes).is_file():
            records = [json.loads(x) for x in Path(outcomes).read_text().splitlines() if x]
    failed = {r["nodeid"] for r in records if r["outcome"] == "failed"}
    in_body = {r["nodeid"] for r in records if r["outcome"] == "failed" and _in_body(r)}
    passed = {r["nodeid"] for r in records if r["when"] == "call" and r["outcome"] == "passed"}
    collection = any(r["when"] == "collect" for r in records) or (
        not records and proc.returncode in (2, 3, 4)
    )
    return Outcome(
        proc.stdout + proc.stderr,
        tuple(sorted(failed)),
        tuple(sorted(passed - failed)),
        collection,
        tuple(sorted(in_body)),
    )


_NOT_THE_BUG = re.compile(r"^(ImportError|ModuleNotFoundError|SyntaxError)\b")
# A test body that imports what the fix adds fails before any buggy code runs.
_NEW_NAME = re.compile(r"^ImportError: cannot import name")


def _in_body(record: dict[str, str]) -> bool:
    """Did the test fail where the bug can show: in its body, or in a fixture that ran code?

    A fixture that is not found (no crash message) or a module that does not import is the
    environment, not the bug; a teardown error comes after the test already passed or failed.
    """
    crash = record.get("crash", "")
    if record["when"] == "call":
        return not _NEW_NAME.match(crash)
    return record["when"] == "setup" and bool(crash) and not _NOT_THE_BUG.match(crash)


_FRAME = re.compile(r'^\s*File "(?P<path>[^"]+)", line (?P<line>\d+), in (?P<func>.+)$')
_SECTION = re.compile(r"^_{3,} .+ _{3,}$", re.M)


_FAILURES = re.compile(r"^=+ FAILURES =+$", re.M)
_ERRORS = re.compile(r"^=+ ERRORS =+$", re.M)
_CAPTURED = re.compile(r"^-+ Captured .* -+$", re.M)


def native_failure(output: str) -> tuple[str, list[tuple[str, int]]]:
    """The final exception type and frames of the first failing test in --tb=native output.

    Only the report of the failing test counts: text logged while tests ran (a framework's
    "Unhandled Error" dump, captured output) is not the failure.
    """
    banner = _FAILURES.search(output) or _ERRORS.search(output)
    body = output[banner.end() :] if banner else output
    sections = [s for s in _SECTION.split(body) if "Traceback (most recent call last):" in s]
    if not sections:
        return "", []
    text = _CAPTURED.split(sections[0])[0]
    if "Traceback (most recent call last):" not in text:
        return "", []
    block = text.rsplit("Traceback (most recent call last):", 1)[1]
    frames: list[tuple[str, int]] = []
    error = ""
    for line in block.splitlines()[1:]:
        m = _FRAME.match(line)
        if m:
            frames.append((m.group("path"), int(m.group("line"))))
        elif line and not line[0].isspace() and not line.startswith("---"):
            head = line.split(":", 1)[0].strip()
            error = head.rsplit(".", 1)[-1] if re.fullmatch(r"[\w.]+", head) else head
            break
    return error, frames


def derive_truth(case: RealCase, mirror: Path, src_files: list[str]) -> None:
    found = []
    for f in src_files:
        old = _git_bytes(mirror, "show", f"{case.buggy_commit}:{f}")
        new = _git_bytes(mirror, "show", f"{case.fixed_commit}:{f}")
        if old is None:
            continue  # a file the fix added is not where the buggy code was
        diff = _git(mirror, "diff", "-U0", "--no-color", case.buggy_commit, case.fixed_commit,
                    "--", f)  # fmt: skip
        found += locations(
            f, parse_unified(diff), spans_mod.parse(old), spans_mod.parse(new or b"")
        )
    if not found:
        raise BuildRefused(
            "the fix changes no code on the buggy side (only additions of new files, comments or docs)"
        )
    case.locations = found


def root_in_frames(case: RealCase, src: Path, frames: list[tuple[str, int]]) -> bool:
    cache: dict[str, spans_mod.FileSpans] = {}
    prefix = str(src).rstrip("/") + "/"
    for path, line in frames:
        if not path.startswith(prefix):
            continue
        rel = path[len(prefix) :]
        for loc in case.locations:
            if loc.file != rel:
                continue
            if rel not in cache:
                cache[rel] = spans_mod.parse((src / rel).read_bytes())
            if cache[rel].qualname_at(line) == loc.function:
                return True
    return False


def build(case: RealCase, *, keep_fixed: bool = False) -> str:
    """Make the case; returns a one-line summary, raises BuildRefused with the reason."""
    mirror = mirror_of(case)
    if not (mirror / "HEAD").is_file():
        raise BuildRefused(f"no mirror at {mirror} (fetch github:{case.repo})")
    for sha in (case.buggy_commit, case.fixed_commit):
        if _git(mirror, "cat-file", "-t", sha, check=False).strip() != "commit":
            raise BuildRefused(f"commit {sha[:12]} is not in the mirror")
    src_files = source_files(case, mirror)
    if not src_files:
        raise BuildRefused("the fix changes no source file (only tests/docs)")
    derive_truth(case, mirror, src_files)
    venv = venv_for(case)
    base = work_dir() / "work" / case.id
    src, fixed = base / "src", base / "fixed"
    checkout(case, mirror, src, buggy=True)
    runs = [run_tests(case, src, venv), run_tests(case, src, venv, "--tb=native")]
    for r in runs:
        if r.collection_error:
            raise BuildRefused("collection error in the buggy state: " + _last_error(r.output))
        if not r.failed:
            raise BuildRefused("the tests do not fail in the buggy state")
        if not r.in_body:
            raise BuildRefused(
                "the tests fail in the buggy state only in setup (an import or a missing "
                "fixture, not the bug): " + _last_error(r.output)
            )
    if runs[0].failed != runs[1].failed:
        raise BuildRefused("flaky: the two buggy runs failed different tests")
    checkout(case, mirror, fixed, buggy=False)
    try:
        for _ in range(2):
            r = run_tests(case, fixed, venv)
            if r.failed or not r.passed:
                raise BuildRefused(
                    "the tests do not pass at the fix: " + (_last_error(r.output) or "none ran")
                )
    finally:
        if not keep_fixed:
            shutil.rmtree(fixed, ignore_errors=True)
    if not native_failure(runs[1].output)[0]:
        raise BuildRefused("no traceback in the --tb=native output")
    (case.dir / "trace.txt").write_text(runs[0].output, "utf-8")
    (case.dir / "trace_native.txt").write_text(runs[1].output, "utf-8")
    return describe(case, src, failing_tests=len(runs[0].failed))


def describe(case: RealCase, src: Path, *, failing_tests: int) -> str:
    """Derive [trace] and root_in_traceback from the kept native trace, and save the case."""
    error, frames = native_failure((case.dir / "trace_native.txt").read_text("utf-8"))
    case.root_in_traceback = root_in_frames(case, src, frames)
    case.trace = {
        "error_type": error,
        "frames": len(frames),
        "failing_tests": failing_tests,
        "workdir": str(src),
        "made_with": "python -m debugai.evals.realbench build",
    }
    save(case)
    return f"ok {case.id} {error} root_in_traceback={str(case.root_in_traceback).lower()}"


def rederive(case: RealCase) -> str:
    """Re-derive the truth and the trace facts of a built case without re-running its tests."""
    mirror = mirror_of(case)
    derive_truth(case, mirror, source_files(case, mirror))
    src = Path(str(case.trace.get("workdir") or work_dir() / "work" / case.id / "src"))
    if not src.is_dir():
        checkout(case, mirror, src, buggy=True)
    return describe(case, src, failing_tests=int(case.trace.get("failing_tests", 1)))


def _last_error(output: str) -> str:
    lines = [ln for ln in output.splitlines() if ln.startswith("E ") or "Error" in ln]
    if not lines:
        lines = [" | ".join(ln.strip() for ln in output.strip().splitlines()[-3:])]
    return lines[-1].strip()[:300]
