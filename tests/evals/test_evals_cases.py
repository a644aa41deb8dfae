"""The eval set as a whole: every case loads, its truth holds against its captured output, and the
set keeps the shape the product needs (mostly root causes outside the traceback, every family)."""

from __future__ import annotations

import shutil
import sys
import sysconfig
from collections import Counter
from pathlib import Path

import pytest

from debugai.evals import capture
from debugai.evals.case import (
    CASES_DIR,
    CATEGORIES,
    CaseError,
    ProjectCode,
    discover,
    load_case,
)

ROOT = Path(__file__).resolve().parents[2]
CASE_DIRS = sorted(p.parent for p in CASES_DIR.glob("*/case.toml"))
SHOP = ROOT / "examples" / "shop"


@pytest.fixture(scope="module")
def cases():
    return discover()


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=[d.name for d in CASE_DIRS])
def test_case_loads_and_its_truth_holds_on_the_captured_output(case_dir: Path) -> None:
    case = load_case(case_dir)  # validates the toml and the truth against the project code
    assert case.project_dir.is_dir()
    t = case.truth
    where = ProjectCode(case.project_dir).resolve(t.symbol)
    assert where is not None, t.symbol
    assert where.file == t.file
    assert where.start <= t.line <= t.end_line <= where.end
    assert case.output_path.is_file(), "run python -m debugai.evals.capture " + case.id
    assert capture.verify(case, case.output()) == []


@pytest.mark.parametrize("case_dir", CASE_DIRS, ids=[d.name for d in CASE_DIRS])
def test_project_is_small_or_padded(case_dir: Path) -> None:
    files = [p for p in (case_dir / "project").rglob("*") if p.is_file()]
    assert 2 <= len(files) <= 15 or len(files) >= 100, len(files)
    assert not any(p.name == "__pycache__" for p in (case_dir / "project").rglob("*"))


def test_set_size_and_padding(cases) -> None:
    assert len(cases) >= 40
    padded = [c for c in cases if sum(1 for _ in c.project_dir.rglob("*.py")) >= 100]
    assert len(padded) >= 2


def test_most_root_causes_are_outside_the_traceback(cases) -> None:
    outside = sum(not c.truth.root_in_traceback for c in cases)
    assert outside / len(cases) >= 0.60, f"{outside}/{len(cases)}"


def test_every_category_has_at_least_three_cases(cases) -> None:
    counts = Counter(c.category for c in cases)
    assert {cat: counts[cat] for cat in CATEGORIES if counts[cat] < 3} == {}


def test_ids_are_unique_and_prefixed(cases) -> None:
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids))
    assert all(c.id.startswith(c.category + "-") for c in cases)


def test_discover_filters_by_glob(cases) -> None:
    some = discover(pattern="none-propagation-*")
    assert some and all(c.category == "none-propagation" for c in some)
    assert len(some) < len(cases)


# --- the loader rejects what it should ------------------------------------------------------


def _copy_case(tmp_path: Path, case_id: str) -> Path:
    dest = tmp_path / case_id
    shutil.copytree(CASES_DIR / case_id, dest)
    return dest


def _edit(case_dir: Path, old: str, new: str) -> None:
    toml = case_dir / "case.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('category = "none-propagation"', 'category = "none"', "unknown category"),
        ("end_line = 23", "end_line = 99", "past the end"),
        (
            'symbol = "billing.plans.find_plan"\nchain = ["billing.plans.find_plan"',
            'symbol = "billing.plans.lookup"\nchain = ["billing.plans.lookup"',
            "not a def",
        ),
        ('"billing.invoices.line_items"]', '"billing.invoices.nope"]', "chain symbol"),
        ("root_in_traceback = false", 'root_in_traceback = "no"', "must be bool"),
        ("timeout = 30", "timeout = 30\nretries = 2", "unknown keys"),
    ],
)
def test_loader_rejects_bad_truth(tmp_path: Path, old: str, new: str, message: str) -> None:
    case_dir = _copy_case(tmp_path, "none-propagation-plan-lookup")
    _edit(case_dir, old, new)
    with pytest.raises(CaseError, match=message):
        load_case(case_dir)


def test_verify_catches_a_wrong_root_in_traceback_flag(tmp_path: Path) -> None:
    case_dir = _copy_case(tmp_path, "none-propagation-plan-lookup")
    _edit(case_dir, "root_in_traceback = false", "root_in_traceback = true")
    case = load_case(case_dir)
    assert any("root_in_traceback" in p for p in capture.verify(case, case.output()))


# --- capture's pieces on real output ----------------------------------------------------------


def test_rewrite_paths_maps_this_machine_to_container_paths(tmp_path: Path) -> None:
    stdlib = sysconfig.get_paths()["stdlib"]
    purelib = sysconfig.get_paths()["purelib"]
    text = f'File "{tmp_path}/app/x.py"\nFile "{stdlib}/json/decoder.py"\nFile "{purelib}/a.py"'
    out = capture.rewrite_paths(text, tmp_path / "app")
    minor = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert out.splitlines() == [
        'File "/app/x.py"',
        f'File "/usr/local/lib/python{minor}/json/decoder.py"',
        f'File "/usr/local/lib/python{minor}/site-packages/a.py"',
    ]


def test_parse_frames_reads_python_and_pytest_formats(cases) -> None:
    by_id = {c.id: c for c in cases}
    native = by_id["none-propagation-plan-lookup"]
    frames = [f for f in capture.parse_frames(native.output(), native.project_dir) if f.file]
    assert (frames[-1].file, frames[-1].function) == ("billing/invoices.py", "line_items")
    pytest_case = by_id["none-propagation-webhook-key"]
    frames = [f for f in capture.parse_frames(pytest_case.output(), pytest_case.project_dir)]
    repo = [f for f in frames if f.file]
    assert repo[0].file == "tests/test_webhooks.py"
    assert repo[-1].file == "app/validation.py" and repo[-1].function == "normalize_email"
    assert any(f.path.startswith("/usr/local/lib/python") and not f.file for f in frames)


def test_normalise_masks_addresses_and_timings_but_not_app_lines() -> None:
    a = f'{object()!r} took 0.52s\n  File "/app/x.py", line 3, in f'
    b = f'{object()!r} took 1.7s\n  File "/app/x.py", line 3, in f'
    assert a != b
    assert capture.normalise(a) == capture.normalise(b)
    assert capture.drift(a, b.replace("line 3", "line 4"))


def test_capture_refuses_a_command_that_does_not_fail(tmp_path: Path) -> None:
    case_dir = _copy_case(tmp_path, "none-propagation-plan-lookup")
    _edit(case_dir, '"-m", "billing.main"', '"-c", "import billing.plans"')
    outcome = capture.process(load_case(case_dir), check=True)
    assert not outcome.ok and "exited 0" in outcome.message


# --- re-running cases (slow: real subprocesses) -----------------------------------------------


@pytest.mark.slow
def test_check_passes_on_committed_cases() -> None:
    chosen = ["none-propagation-tax-fallthrough", "fastapi-depends-return-not-yield"]
    missing = [m for c in chosen for m in capture.missing_requirements(load_case(CASES_DIR / c))]
    if missing:
        pytest.skip(f"needs the evals extra: {', '.join(missing)}")
    assert capture.main(["--check", "--jobs", "2", *chosen]) == 0


@pytest.mark.slow
def test_check_reports_drift(tmp_path: Path, capsys) -> None:
    case_dir = _copy_case(tmp_path, "none-propagation-plan-lookup")
    out = case_dir / "output.txt"
    out.write_text(out.read_text().replace("'name'", "'title'"), encoding="utf-8")
    assert capture.main(["--check", "--cases-dir", str(tmp_path)]) == 1
    printed = capsys.readouterr().out
    assert "output drifted" in printed and "+AttributeError" in printed


@pytest.mark.slow
def test_shop_trace_is_what_reproduce_prints() -> None:
    for name in ("fastapi", "sqlalchemy", "httpx"):
        pytest.importorskip(name)
    output, code, _ = capture.run_project(
        SHOP, [sys.executable, "reproduce.py"], {}, 60, "examples/shop"
    )
    assert code != 0
    assert capture.drift((SHOP / "trace.txt").read_text(encoding="utf-8"), output) == []
    assert "AttributeError: 'NoneType' object has no attribute 'stripe_customer_id'" in output


def test_cases_do_not_see_that_they_run_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest stops truncating its summary under CI=true: outputs would differ in CI."""
    from debugai.evals.capture import clean_env

    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("BUILD_NUMBER", "7")
    env = clean_env({"APP_ENV": "x"})
    assert "CI" not in env and "BUILD_NUMBER" not in env and env["APP_ENV"] == "x"
