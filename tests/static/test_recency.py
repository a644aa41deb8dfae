"""recent_change: the last commits' hunks, carried to today's line numbers."""

from __future__ import annotations

import subprocess
from pathlib import Path

from debugai.agent.static.recency import changed_lines, recent_change


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=root, check=True, capture_output=True,
    )  # fmt: skip


def test_a_change_is_found_at_its_line_after_newer_commits_moved_it(tmp_path: Path) -> None:
    src = tmp_path / "m.py"
    lines = [f"x{i} = {i}" for i in range(1, 21)]
    src.write_text("\n".join(lines) + "\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "one")
    lines[14] = "x15 = 'changed'"  # line 15, the older change
    src.write_text("\n".join(lines) + "\n")
    _git(tmp_path, "commit", "-qam", "two")
    lines[1:1] = ["# inserted", "# above"]  # the newest commit: two lines at the top
    src.write_text("\n".join(lines) + "\n")
    _git(tmp_path, "commit", "-qam", "three")
    spans = changed_lines(tmp_path)["m.py"]
    now = src.read_text().splitlines()
    where = now.index("x15 = 'changed'") + 1  # 17 today
    assert recent_change(spans, where, where) == 0.5  # the second newest commit: k = 1
    assert recent_change(spans, 2, 3) == 1.0  # the newest
    assert recent_change(spans, 5, 10) == 1 / 3  # only the first commit wrote these
    assert changed_lines(tmp_path, commits=2)["m.py"] == [(2, 3, 0), (where, where, 1)]


def test_no_git_no_recency(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("x = 1\n")
    assert changed_lines(tmp_path) == {}
