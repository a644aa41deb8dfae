"""The ground truth of a real bug, derived from its fix: which functions the fix changed.

Buggy-side lines that the fix deletes or replaces count against the function holding them; a pure
insertion counts against the function it is inserted into. Hunks that only touch blank lines,
comments or docstrings are not part of the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from debugai.evals.realbench.case import Location
from debugai.evals.realbench.spans import MODULE, FileSpans

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


@dataclass(frozen=True, slots=True)
class Hunk:
    old_start: int
    old_lines: tuple[str, ...]  # deleted/replaced buggy-side lines
    new_start: int
    new_lines: tuple[str, ...]


def parse_unified(diff: str) -> list[Hunk]:
    """Hunks of a `git diff -U0` of one file."""
    hunks: list[Hunk] = []
    cur: tuple[int, int, list[str], list[str]] | None = None
    for line in diff.splitlines():
        m = _HUNK.match(line)
        if m:
            if cur:
                hunks.append(Hunk(cur[0], tuple(cur[2]), cur[1], tuple(cur[3])))
            cur = (int(m.group(1)), int(m.group(3)), [], [])
        elif cur is not None and line.startswith("-") and not line.startswith("---"):
            cur[2].append(line[1:])
        elif cur is not None and line.startswith("+") and not line.startswith("+++"):
            cur[3].append(line[1:])
    if cur:
        hunks.append(Hunk(cur[0], tuple(cur[2]), cur[1], tuple(cur[3])))
    return hunks


def _trivial(text: str, line: int, spans: FileSpans) -> bool:
    s = text.strip()
    return not s or s.startswith("#") or spans.in_docstring(line)


def locations(file: str, hunks: list[Hunk], old: FileSpans, new: FileSpans) -> list[Location]:
    """The functions of `file` (buggy side) that the hunks change, with the buggy lines."""
    found: dict[str, list[int]] = {}
    for h in hunks:
        old_real = [
            h.old_start + i
            for i, text in enumerate(h.old_lines)
            if not _trivial(text, h.old_start + i, old)
        ]
        new_real = [
            h.new_start + i
            for i, text in enumerate(h.new_lines)
            if not _trivial(text, h.new_start + i, new)
        ]
        if not old_real and not new_real:
            continue
        if old_real:
            for line in old_real:
                found.setdefault(old.qualname_at(line), []).append(line)
            continue
        # Pure insertion (or only trivial lines replaced): `git diff -U0` puts the insertion
        # after buggy line old_start (old_start-1 when lines were replaced). The function it
        # goes into is the one holding the added code in the fixed file, when the buggy file
        # has it too; else the one holding the line above.
        anchor = h.old_start if not h.old_lines else h.old_start - 1
        anchor = max(anchor, 1)
        target = new.qualname_at(new_real[0])
        # A definition the fix adds is not where the bug was: credit what holds it (its class,
        # or the module), not whatever happens to stand above the insertion.
        while target != MODULE and old.span_of(target) is None:
            target = target.rsplit(".", 1)[0] if "." in target else MODULE
        found.setdefault(target, []).append(anchor)
    return [Location(file, fn, tuple(sorted(set(lines)))) for fn, lines in found.items()]
