"""`eval --check` holds in any fresh virtualenv: the frames third-party libraries add between the
project's frames follow the library's version, so the comparison collapses each run of them.

The second capture below is real: the same case run by `python -m debugai.evals.capture` in a
virtualenv with pytest 8.4.2 and pluggy 1.5.0, where the committed output.txt came from
pytest 9.2 / pluggy 1.7 (pluggy 1.5 calls hooks through `_callers.py`, 1.7 through
`_execution.py` with more wrapper frames).
"""

from __future__ import annotations

from pathlib import Path

from debugai.evals import capture
from debugai.evals.case import CASES_DIR

CASE = "data-shape-pick-demand-pairs"
COMMITTED = CASES_DIR / CASE / "output.txt"
OTHER_VENV = Path(__file__).parent / "captured" / f"{CASE}.pytest-8.4.2-pluggy-1.5.0.txt"


def _read() -> tuple[str, str]:
    return COMMITTED.read_text(encoding="utf-8"), OTHER_VENV.read_text(encoding="utf-8")


def test_the_two_captures_differ_in_third_party_frames_only() -> None:
    ours, other = _read()
    assert "pluggy/_execution.py" in ours and "pluggy/_execution.py" not in other
    assert "pluggy/_callers.py" in other
    project = [ln for ln in ours.splitlines() if '"/app/' in ln]
    assert project and project == [ln for ln in other.splitlines() if '"/app/' in ln]


def test_check_holds_across_pytest_and_pluggy_versions() -> None:
    ours, other = _read()
    assert capture.drift(ours, other) == []


def test_collapsed_output_keeps_project_frames_and_the_error() -> None:
    ours, _ = _read()
    norm = capture.normalise(ours)
    assert capture.THIRD_PARTY in norm
    assert "site-packages" not in norm
    for line in ours.splitlines():
        if '"/app/' in line or line.startswith(("E ", "AssertionError", "FAILED ")):
            assert line.rstrip() in norm.splitlines(), line


def test_a_change_in_the_project_frames_is_still_drift() -> None:
    ours, other = _read()
    app_line = next(ln for ln in other.splitlines() if '"/app/' in ln)
    moved = other.replace(app_line, app_line.replace(", line ", ", line 9"), 1)
    assert capture.drift(ours, moved)
    # ...and so is a project frame lost among the library's.
    assert capture.drift(ours, other.replace(app_line + "\n", "", 1))


def test_every_library_in_the_captured_frames_is_pinned() -> None:
    import importlib.metadata
    import re

    pins = {}
    for raw in (CASES_DIR.parent / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {raw!r}"
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    dists = importlib.metadata.packages_distributions()
    shown = set()
    for out in CASES_DIR.glob("*/output.txt"):
        shown |= set(re.findall(r"site-packages/(\w+)/", out.read_text(encoding="utf-8")))
    assert {"_pytest", "pluggy", "starlette"} <= shown
    for top in sorted(shown):
        names = {re.sub(r"[-_.]+", "-", d).lower() for d in dists.get(top, [])}
        assert names, f"{top} is not installed here (pip install -e '.[dev,evals]')"
        assert names & pins.keys(), f"{top} ({', '.join(names)}) is not in evals/constraints.txt"
