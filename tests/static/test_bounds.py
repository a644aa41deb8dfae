"""The static engine stays bounded on the shapes that made it hang on real repositories:
keyword arguments whose value is an attribute of the same name (`depth=line.depth`), repeated
across many files, each lookup leading back to the others."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from debugai.agent.static.analysis import Analyzer
from debugai.agent.static.engine import StaticEngine
from debugai.api import open_index, read_trace


def _project(root: Path, n: int) -> str:
    """n modules of same-named keyword/attribute chains; run it and return its real traceback."""
    app = root / "app"
    app.mkdir(parents=True)
    (app / "__init__.py").write_text("")
    for i in range(n):
        nxt = (i + 1) % n
        (app / f"m{i}.py").write_text(
            textwrap.dedent(f"""\
            from app import m{nxt}


            class Node{i}:
                def __init__(self, depth, routes, status_code):
                    self.depth = depth
                    self.routes = routes
                    self.status_code = status_code

                def child(self, line):
                    return m{nxt}.Node{nxt}(
                        depth=line.depth, routes=self.routes, status_code=line.status_code
                    )
            """)
        )
    (app / "main.py").write_text(
        textwrap.dedent("""\
        REGISTRY = {}


        def handle(event):
            return event.depth.bit_length() + event.status_code


        def main(kind):
            return handle(REGISTRY.get(kind, object)())


        if __name__ == "__main__":
            main("tick")
        """)
    )
    proc = subprocess.run(
        [sys.executable, "-m", "app.main"], cwd=root, capture_output=True, text=True
    )
    assert "AttributeError" in proc.stderr
    return proc.stderr


def _steps(tmp_path: Path, n: int) -> tuple[int, str]:
    root = tmp_path / f"n{n}"
    text = _project(root, n)
    index = open_index(root, cache=False)
    trace = read_trace(text, index)
    an = Analyzer(index, trace, deadline_seconds=60.0)
    StaticEngine(use_git=False)._suspects(an, [])
    return an.steps, an.exhausted


@pytest.mark.slow
def test_steps_grow_linearly_with_the_number_of_files(tmp_path: Path) -> None:
    counts = {n: _steps(tmp_path, n) for n in (4, 8, 16)}
    assert not any(exhausted for _, exhausted in counts.values()), counts
    s4, s8, s16 = (counts[n][0] for n in (4, 8, 16))
    # Linear: doubling the files at most doubles the steps (plus a constant for the raise site).
    assert s8 <= 2 * s4 + 20 and s16 <= 2 * s8 + 20, counts


def test_a_spent_budget_is_said_and_the_diagnosis_still_ranks(tmp_path: Path) -> None:
    text = _project(tmp_path, 3)
    index = open_index(tmp_path, cache=False)
    diag = StaticEngine(use_git=False, max_steps=3).diagnose(read_trace(text, index), index)
    assert any("stopped at its step budget" in note for note in diag.notes), diag.notes
    assert diag.candidates  # the raise site and frames are still ranked
