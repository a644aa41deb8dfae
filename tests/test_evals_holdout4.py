"""The fourth blind held-out eval set: every case loads and validates, its truth holds on its
captured output, and the set keeps the shape that makes it a fair generalisation check (most root
causes outside the traceback, every family present, ids apart from every other case folder)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from debugai.evals import capture
from debugai.evals.case import CASES_DIR, CATEGORIES, discover, load_case

EVALS_DIR = Path(__file__).resolve().parent.parent / "evals"
HOLDOUT4_DIR = EVALS_DIR / "holdout4"
CASE_DIRS = sorted(p.parent for p in HOLDOUT4_DIR.glob("*/case.toml"))
PADDED_MIN_FILES = 40


@pytest.fixture(scope="module")
def cases():
    return discover(root=HOLDOUT4_DIR)


def _other_case_ids() -> Counter[str]:
    """Case folder names in every other case folder; only names are listed, cases stay unread."""
    roots = [CASES_DIR, *(p for p in EVALS_DIR.glob("holdout*") if p != HOLDOUT4_DIR)]
    return Counter(p.parent.name for root in roots for p in root.glob("*/case.toml"))


def test_every_folder_is_a_case(cases) -> None:
    folders = sorted(p.name for p in HOLDOUT4_DIR.iterdir() if p.is_dir())
    assert [c.id for c in cases] == folders
    assert len(cases) >= 20


def test_readme_says_the_set_is_blind() -> None:
    text = (HOLDOUT4_DIR / "README.md").read_text(encoding="utf-8").lower()
    assert "blind" in text
    assert "do not tune" in text


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=[d.name for d in CASE_DIRS])
def test_truth_holds_on_the_captured_output(case_dir: Path) -> None:
    case = load_case(case_dir)  # validates the toml and the truth against the project code
    assert case.output_path.is_file(), (
        f"run python -m debugai.evals.capture --cases-dir evals/holdout4 {case.id}"
    )
    assert capture.verify(case, case.output()) == []


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=[d.name for d in CASE_DIRS])
def test_project_is_small_or_padded_and_clean(case_dir: Path) -> None:
    files = [p for p in (case_dir / "project").rglob("*") if p.is_file()]
    assert 3 <= len(files) <= 15 or len(files) >= PADDED_MIN_FILES, len(files)
    assert not any(
        p.name in ("__pycache__", ".pytest_cache", ".debugai") or p.suffix == ".pyc"
        for p in case_dir.rglob("*")
    )


def test_some_projects_are_padded_with_distractions() -> None:
    sizes = [sum(1 for p in (d / "project").rglob("*") if p.is_file()) for d in CASE_DIRS]
    assert sum(n >= PADDED_MIN_FILES for n in sizes) >= 2, sizes


def test_most_root_causes_are_outside_the_traceback(cases) -> None:
    outside = sum(not c.truth.root_in_traceback for c in cases)
    assert outside / len(cases) >= 0.60, f"{outside}/{len(cases)}"


def test_every_category_is_present(cases) -> None:
    counts = Counter(c.category for c in cases)
    assert [cat for cat in CATEGORIES if counts[cat] == 0] == []


def test_ids_are_unique_across_every_case_folder(cases) -> None:
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids))
    assert all(c.id.startswith(c.category + "-") for c in cases)
    others = _other_case_ids()
    assert sum(others.values()) > 0  # the other folders were found, so the check means something
    assert sorted(set(others) & set(ids)) == []


@pytest.mark.slow
@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=[d.name for d in CASE_DIRS])
def test_rerun_matches_the_captured_output(case_dir: Path) -> None:
    outcome = capture.process(load_case(case_dir), check=True)
    assert outcome.ok, "\n".join([outcome.message, *outcome.details])
