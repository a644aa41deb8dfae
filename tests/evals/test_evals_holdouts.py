"""The blind held-out eval sets (evals/holdout*): every case loads and validates, its truth holds
on its captured output, and each set keeps the shape that makes it a fair generalisation check
(most root causes outside the traceback, every family present, ids apart from every other case
folder, a README that says how the set may be used)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from debugai.evals import capture
from debugai.evals.case import CASES_DIR, CATEGORIES, discover, load_case

EVALS_DIR = Path(__file__).resolve().parents[2] / "evals"
PADDED_MIN_FILES = 40


# name -> (minimum cases, smallest project, padded projects required, README rule required)
SETS: dict[str, tuple[int, int, int, bool]] = {
    "holdout": (16, 2, 0, False),  # the first set predates padding and the README rule
    "holdout2": (20, 3, 0, True),
    "holdout3": (20, 3, 2, True),
    "holdout4": (20, 3, 2, True),
}
CASE_DIRS = [
    (name, p.parent) for name in SETS for p in sorted((EVALS_DIR / name).glob("*/case.toml"))
]
CASE_IDS = [f"{name}/{d.name}" for name, d in CASE_DIRS]


def test_every_holdout_folder_is_listed() -> None:
    assert sorted(p.name for p in EVALS_DIR.glob("holdout*") if p.is_dir()) == sorted(SETS)


@pytest.fixture(scope="module", params=sorted(SETS))
def held(request: pytest.FixtureRequest) -> tuple[str, list]:
    name = request.param
    return name, discover(root=EVALS_DIR / name)


def _other_case_ids(name: str) -> Counter[str]:
    """Case folder names in every other case folder; only names are listed, cases stay unread."""
    roots = [CASES_DIR, *(p for p in EVALS_DIR.glob("holdout*") if p.name != name)]
    return Counter(p.parent.name for root in roots for p in root.glob("*/case.toml"))


def test_every_folder_is_a_case(held) -> None:
    name, cases = held
    folders = sorted(p.name for p in (EVALS_DIR / name).iterdir() if p.is_dir())
    assert [c.id for c in cases] == folders
    assert len(cases) >= SETS[name][0]


def test_readme_says_how_the_set_may_be_used(held) -> None:
    name, _cases = held
    if not SETS[name][3]:
        pytest.skip(f"{name} predates the README rule")
    text = (EVALS_DIR / name / "README.md").read_text(encoding="utf-8").lower()
    assert "blind" in text
    assert "do not tune" in text


@pytest.mark.parametrize(("name", "case_dir"), CASE_DIRS, ids=CASE_IDS)
def test_truth_holds_on_the_captured_output(name: str, case_dir: Path) -> None:
    case = load_case(case_dir)  # validates the toml and the truth against the project code
    assert case.output_path.is_file(), (
        f"run python -m debugai.evals.capture --cases-dir evals/{name} {case.id}"
    )
    assert capture.verify(case, case.output()) == []


@pytest.mark.parametrize(("name", "case_dir"), CASE_DIRS, ids=CASE_IDS)
def test_project_is_small_or_padded_and_clean(name: str, case_dir: Path) -> None:
    files = [p for p in (case_dir / "project").rglob("*") if p.is_file()]
    smallest = SETS[name][1]
    assert smallest <= len(files) <= 15 or len(files) >= PADDED_MIN_FILES, len(files)
    assert not any(
        p.name in ("__pycache__", ".pytest_cache", ".debugai") or p.suffix == ".pyc"
        for p in case_dir.rglob("*")
    )


def test_some_projects_are_padded_with_distractions(held) -> None:
    name, _cases = held
    dirs = [d for n, d in CASE_DIRS if n == name]
    sizes = [sum(1 for p in (d / "project").rglob("*") if p.is_file()) for d in dirs]
    assert sum(n >= PADDED_MIN_FILES for n in sizes) >= SETS[name][2], sizes


def test_most_root_causes_are_outside_the_traceback(held) -> None:
    _name, cases = held
    outside = sum(not c.truth.root_in_traceback for c in cases)
    assert outside / len(cases) >= 0.60, f"{outside}/{len(cases)}"


def test_every_category_is_present(held) -> None:
    _name, cases = held
    counts = Counter(c.category for c in cases)
    assert [cat for cat in CATEGORIES if counts[cat] == 0] == []


def test_ids_are_unique_across_every_case_folder(held) -> None:
    name, cases = held
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids))
    assert all(c.id.startswith(c.category + "-") for c in cases)
    others = _other_case_ids(name)
    assert sum(others.values()) > 0  # the other folders were found, so the check means something
    assert sorted(set(others) & set(ids)) == []


@pytest.mark.slow
@pytest.mark.parametrize(("name", "case_dir"), CASE_DIRS, ids=CASE_IDS)
def test_rerun_matches_the_captured_output(name: str, case_dir: Path) -> None:
    outcome = capture.process(load_case(case_dir), check=True)
    assert outcome.ok, "\n".join([outcome.message, *outcome.details])
