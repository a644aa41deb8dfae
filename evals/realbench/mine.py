"""Find candidate real bugs in a mirror: fix commits that change library code and a test.

A candidate is a non-merge commit whose subject reads like a fix, that changes at most a few
library `.py` files under the package folder and adds or changes a test function. Its tests are
the test functions holding the added lines (at the fixed commit). `mine` only proposes: it writes
`[bug]` tables, and `build` keeps a case only when those tests fail in the buggy state and pass at
the fix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from debugai.evals.realbench import spans as spans_mod
from debugai.evals.realbench.build import _git, is_test_path
from debugai.evals.realbench.case import RealCase, save

# A subject that reads like a fix, and one that reads like a feature or a chore.
FIX_WORDS = (
    r"fix|bug|error|crash|wrong|incorrect|regression|handle|correct|issue|broken|prevent"
    r"|respect|don.t|doesn.t|not |should|ensure|preserve|restore"
)
NOT_FIX_WORDS = (
    r"^(add|deprecate|remove|refactor|update|implement|support|rewrite|switch|improve|run "
    r"|increase|provide|extend|typing|type |bump|drop|release|merge|chores)"
)
MAX_SOURCE_FILES = 3
MAX_TESTS = 6
_HUNK_NEW = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")


@dataclass(frozen=True, slots=True)
class Candidate:
    fixed: str
    buggy: str  # the fix's parent
    date: str  # committer date, YYYY-MM-DD
    subject: str
    source: tuple[str, ...]
    tests: tuple[str, ...]


def test_ids(mirror: Path, buggy: str, fixed: str, test_file: str) -> list[str]:
    """pytest node ids of the test functions that hold lines the fix adds to `test_file`.

    A test in a class whose name starts with `_` is a mixin pytest does not collect: left out.
    """
    body = _git(mirror, "show", f"{fixed}:{test_file}", check=False)
    if not body:
        return []
    fs = spans_mod.parse(body.encode())
    diff = _git(mirror, "diff", "-U0", "--no-color", buggy, fixed, "--", test_file)
    found: list[str] = []
    line = None
    for text in diff.splitlines():
        m = _HUNK_NEW.match(text)
        if m:
            line = int(m.group(1))
            continue
        if line is None or not text.startswith("+") or text.startswith("+++"):
            continue
        if text[1:].strip():
            parts: list[str] = []
            for part in fs.qualname_at(line).split("."):
                parts.append(part)
                if part.startswith("test"):
                    break
            if parts and parts[-1].startswith("test") and not any(p.startswith("_") for p in parts):
                node = "::".join([test_file, *parts])
                if node not in found:
                    found.append(node)
        line += 1
    return found


def candidates(
    mirror: Path,
    package: str,
    *,
    since: str | None = None,
    until: str | None = None,
    fix_words: str = FIX_WORDS,
    not_fix_words: str = NOT_FIX_WORDS,
) -> list[Candidate]:
    """Fix commits touching `package` (a folder, e.g. `src/werkzeug/`), oldest first."""
    fix_rx, not_rx = re.compile(fix_words, re.I), re.compile(not_fix_words, re.I)
    window = [f"--since={since}"] * bool(since) + [f"--until={until}"] * bool(until)
    log = _git(mirror, "log", "--no-merges", *window, "--format=%H %P%x09%cs%x09%s", "--", package)
    found = []
    for row in log.splitlines():
        shas, date, subject = row.split("\t", 2)
        parents = shas.split()
        if len(parents) != 2 or not fix_rx.search(subject) or not_rx.search(subject):
            continue
        fixed, buggy = parents
        names = _git(mirror, "diff", "--name-only", buggy, fixed).split()
        py = [n for n in names if n.endswith(".py")]
        source = [n for n in py if n.startswith(package) and not is_test_path(n)]
        tests = [n for n in py if is_test_path(n) and not n.endswith("conftest.py")]
        if not source or len(source) > MAX_SOURCE_FILES or not tests:
            continue
        ids = [i for t in tests for i in test_ids(mirror, buggy, fixed, t)]
        if ids:
            found.append(
                Candidate(fixed, buggy, date, subject, tuple(source), tuple(ids[:MAX_TESTS]))
            )
    return sorted(found, key=lambda c: c.date)


@dataclass(frozen=True, slots=True)
class Era:
    """The environment for fixes committed on or after `since`."""

    since: str
    python: str
    requirements: tuple[str, ...]


def write_cases(
    found: Sequence[Candidate],
    *,
    out: Path,
    project: str,
    repo: str,
    eras: Sequence[Era],
    pythonpath: Sequence[str],
    start: int = 1,
) -> list[RealCase]:
    """One unbuilt case folder per candidate that some era covers, numbered from `start`."""
    made = []
    n = start
    for c in found:
        era = [e for e in sorted(eras, key=lambda e: e.since) if c.date >= e.since]
        if not era:
            continue
        case = RealCase(
            dir=out / f"{project}-{n}",
            id=f"{project}-{n}",
            project=project,
            source=f"mined: {c.subject}",
            repo=repo,
            buggy_commit=c.buggy,
            fixed_commit=c.fixed,
            python=era[-1].python,
            requirements=list(era[-1].requirements),
            pythonpath=list(pythonpath),
            tests=list(c.tests),
        )
        case.dir.mkdir(parents=True, exist_ok=True)
        save(case)
        made.append(case)
        n += 1
    return made
