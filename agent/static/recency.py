"""Which lines the last commits changed, in the checkout's own line numbers.

Fresh code breaks more often than old code: a failing test that passed last week usually fails
because of what changed since. One `git log -p -U0` over the last commits that touched Python
files gives their hunks; each hunk's lines are carried forward through the newer commits' hunks
to today's line numbers (a line a newer commit rewrote belongs to that newer commit). A
candidate's `recent_change` is 1 / (1 + k) for the newest of those commits (k = 0 is the newest)
that touched its lines, 0 when none did. Without git, or outside a work tree, nothing is known.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from debugai.agent.static.ranking import Candidate
    from debugai.indexers import CodeIndex

COMMITS = 30  # how far back
MAX_OUTPUT = 8_000_000  # bytes of `git log -p` read at most (a vendored-tree commit is huge)
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")

Hunk = tuple[int, int, int, int]  # old start, old length, new start, new length


def changed_lines(
    root: Path, commits: int = COMMITS, timeout: float = 5.0
) -> dict[str, list[tuple[int, int, int]]]:
    """file -> [(first, last, k)]: line ranges, in the work tree's numbering, commit k changed."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", f"-n{commits}", "-p", "-U0", "--no-renames",
             "--no-color", "--format=%x00", "--", "*.py"],
            capture_output=True, timeout=timeout, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if out.returncode != 0:
        return {}
    text = out.stdout[:MAX_OUTPUT].decode("utf-8", "replace")
    per_commit: list[dict[str, list[Hunk]]] = []
    file = None
    for line in text.splitlines():
        if line.startswith("\x00"):
            per_commit.append({})
            file = None
        elif line.startswith("+++ "):
            file = line[6:] if line.startswith("+++ b/") else None
        elif file is not None and per_commit and (m := _HUNK.match(line)):
            a, b, c, d = (int(x) if x is not None else 1 for x in m.groups())
            per_commit[-1].setdefault(file, []).append((a, b, c, d))
    result: dict[str, list[tuple[int, int, int]]] = {}
    for k, commit in enumerate(per_commit):
        for f, hunks in commit.items():
            for _, _, c, d in hunks:
                lo, hi = c, c + max(d, 1) - 1
                span = _forward(lo, hi, f, per_commit[:k])
                if span is not None:
                    result.setdefault(f, []).append((*span, k))
    return result


def _forward(
    lo: int, hi: int, file: str, newer: list[dict[str, list[Hunk]]]
) -> tuple[int, int] | None:
    """Carry a line range through the newer commits, `newer[0]` the newest, so applied last."""
    for commit in reversed(newer):
        shift_lo = shift_hi = 0
        for a, b, _, d in commit.get(file, ()):
            old_end = a + b - 1 if b else a  # a pure insertion (b = 0) sits after line a
            if b and a <= hi and lo <= old_end:
                if a <= lo and hi <= old_end:
                    return None  # rewritten later: the newer commit owns these lines
                continue
            if old_end < lo:
                shift_lo += d - b
            if old_end < hi:
                shift_hi += d - b
        lo, hi = lo + shift_lo, hi + shift_hi
        if hi < lo:
            return None
    return lo, hi


def recent_change(spans: list[tuple[int, int, int]], first: int, last: int) -> float:
    """1 / (1 + k) for the newest commit k that changed a line in first..last; 0 for none."""
    ks = [k for lo, hi, k in spans if lo <= last and first <= hi]
    return 1.0 / (1 + min(ks)) if ks else 0.0


def add_recency(cands: Sequence[Candidate], index: CodeIndex) -> None:
    """Each candidate's `recent_change` (none outside a git work tree)."""
    changed = changed_lines(index.root)
    for c in cands:
        spans = changed.get(c.file)
        sym = index.symbols.get(c.symbol) if c.symbol else None
        if spans and sym is not None:
            c.features["recent_change"] = recent_change(spans, sym.line, sym.end_line)
