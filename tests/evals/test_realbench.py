"""The real-bug benchmark's tools on a small real git history made here: the buggy state, the
truth taken from the fix, the test runs, and the scorer (engine in a worker process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from debugai.evals.realbench import build as bld
from debugai.evals.realbench import case as case_mod
from debugai.evals.realbench import score as sc
from debugai.evals.realbench import spans
from debugai.evals.realbench.truth import locations, parse_unified

BUGGY = {
    "shop/__init__.py": "",
    "shop/prices.py": '''\
        """Prices."""

        RATES = {"EUR": 1.0}


        def rate_for(code):
            # look the code up
            return RATES.get(code)


        class Cart:
            """A cart."""

            def total(self, items, code):
                rate = rate_for(code)
                return sum(items) * rate
        ''',
    "tests/test_prices.py": """\
        from shop.prices import Cart


        def test_total():
            assert Cart().total([1, 2], "EUR") == 3.0
        """,
}
# The fix: rate_for() upper-cases (a replaced line), a comment changes (not part of the fix), and
# a guard is inserted into Cart.total (a pure insertion).
FIXED = {
    **BUGGY,
    "shop/prices.py": '''\
        """Prices."""

        RATES = {"EUR": 1.0}


        def rate_for(code):
            # look the code up, case-insensitively
            return RATES.get(code.upper())


        class Cart:
            """A cart."""

            def total(self, items, code):
                rate = rate_for(code)
                if rate is None:
                    raise KeyError(code)
                return sum(items) * rate
        ''',
    "tests/test_prices.py": """\
        from shop.prices import Cart


        def test_total():
            assert Cart().total([1, 2], "EUR") == 3.0


        def test_total_lower():
            assert Cart().total([1, 2], "eur") == 3.0
        """,
}


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def _commit(repo: Path, files: dict[str, str], msg: str) -> str:
    for rel, text in files.items():
        p = repo / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text))
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", msg)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def bench(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[case_mod.RealCase, Path]:
    return _bench(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The bench case, built once for the tests that only read it."""
    with pytest.MonkeyPatch.context() as mp:
        case, mirror = _bench(tmp_path_factory.mktemp("built"), mp)
        line = bld.build(case)
        yield case_mod.load(case.dir), mirror, line


def _bench(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[case_mod.RealCase, Path]:
    """A project with one bug and its fix, mirrored the way `fetch` lays a mirror out."""
    work = tmp_path / "proj"
    work.mkdir()
    _git(work, "init", "-q")
    buggy = _commit(work, BUGGY, "prices")
    fixed = _commit(work, FIXED, "fix: rate lookup ignored lower-case codes")
    mirrors = tmp_path / "mirrors"
    subprocess.run(
        ["git", "clone", "-q", "--bare", str(work), str(mirrors / "acme+shop" / "repo")], check=True
    )
    monkeypatch.setenv("DEBUGAI_REAL_MIRRORS", str(mirrors))
    monkeypatch.setenv("DEBUGAI_REAL_WORK", str(tmp_path / "work"))
    case_dir = tmp_path / "cases" / "shop-1"
    case_dir.mkdir(parents=True)
    (case_dir / "case.toml").write_text(
        textwrap.dedent(f"""\
        [bug]
        id = "shop-1"
        project = "shop"
        source = "made by the test"
        repo = "acme/shop"
        buggy_commit = "{buggy}"
        fixed_commit = "{fixed}"
        python = "3.{sys.version_info.minor}"
        requirements = []
        pythonpath = ["."]
        tests = ["tests/test_prices.py::test_total_lower"]
        """)
    )
    # The environment is this interpreter's own (a test installs nothing).
    monkeypatch.setattr(bld, "venv_for", lambda case: Path(sys.prefix))
    return case_mod.load(case_dir), mirrors / "acme+shop" / "repo"


def test_spans_name_the_innermost_function_or_class() -> None:
    src = textwrap.dedent(FIXED["shop/prices.py"]).encode()
    fs = spans.parse(src)
    assert fs.qualname_at(8) == "rate_for"
    assert fs.qualname_at(16) == "Cart.total"
    assert fs.qualname_at(12) == "Cart"  # the class docstring line
    assert fs.qualname_at(3) == spans.MODULE
    assert fs.in_docstring(1) and fs.in_docstring(12) and not fs.in_docstring(15)


def test_truth_counts_replaced_and_inserted_lines_not_comments(bench) -> None:
    case, mirror = bench
    diff = _git(mirror, "diff", "-U0", case.buggy_commit, case.fixed_commit, "--", "shop/prices.py")
    old = spans.parse(textwrap.dedent(BUGGY["shop/prices.py"]).encode())
    new = spans.parse(textwrap.dedent(FIXED["shop/prices.py"]).encode())
    found = {
        loc.function: loc.lines
        for loc in locations("shop/prices.py", parse_unified(diff), old, new)
    }
    # line 7 (the comment) is not part of the fix; line 8 is replaced; the guard goes into total
    assert found == {"rate_for": (8,), "Cart.total": (15,)}


def test_source_files_leave_tests_out(bench) -> None:
    case, mirror = bench
    assert bld.source_files(case, mirror) == ["shop/prices.py"]
    assert bld.is_test_path("tests/test_prices.py") and bld.is_test_path("pkg/conftest.py")
    assert bld.is_test_path("docs/conf.py") and not bld.is_test_path("shop/testing_utils.py")


@pytest.mark.slow
def test_build_makes_the_case_and_the_scorer_scores_it(built) -> None:
    again, _, line = built
    case = again
    assert line.startswith("ok shop-1 TypeError")
    assert again.built
    assert {(loc.file, loc.function) for loc in again.locations} == {
        ("shop/prices.py", "rate_for"),
        ("shop/prices.py", "Cart.total"),
    }
    # The crash is in Cart.total (a truth location), so the root is in the traceback.
    assert again.root_in_traceback is True
    assert again.trace["error_type"] == "TypeError"
    native = (case.dir / "trace_native.txt").read_text()
    assert "Traceback (most recent call last):" in native and "TypeError" in native
    assert "FAILED" in (case.dir / "trace.txt").read_text()
    # The buggy checkout has the fixed commit's new test and the buggy code.
    src = Path(again.trace["workdir"])
    assert "test_total_lower" in (src / "tests/test_prices.py").read_text()
    assert "RATES.get(code)\n" in (src / "shop/prices.py").read_text()
    # ... on the buggy commit's history: blame there can never see the fix.
    head = _git(src, "rev-parse", "HEAD").strip()
    assert head == again.buggy_commit
    assert _git(src, "status", "--porcelain").strip() == "M tests/test_prices.py"

    result = sc.score_case(again, "static", limit=60)
    assert result.status == "ok", result.reason
    # innermost non-test frame is Cart.total: a truth function, rank 1
    assert result.ranks["innermost_frame"] == 1
    assert result.ranks["engine"] is not None and result.context_hit is True
    rep = sc.report([result], "static")
    assert rep["overall"]["cases"] == 1 and "| shop-1 |" in sc.markdown(rep)


@pytest.mark.slow
def test_build_refuses_a_test_that_does_not_fail(bench) -> None:
    case, _ = bench
    case.tests = ["tests/test_prices.py::test_total"]
    with pytest.raises(bld.BuildRefused, match="do not fail in the buggy state"):
        bld.build(case)


@pytest.mark.slow
def test_scorer_skips_a_case_whose_mirror_is_gone(bench, tmp_path: Path) -> None:
    case, mirror = bench
    bld.build(case)
    built = case_mod.load(case.dir)
    subprocess.run(["rm", "-rf", str(tmp_path / "work"), str(mirror)], check=True)
    result = sc.score_case(built, "static", limit=60)
    assert result.status == "skipped" and "no mirror" in result.reason


@pytest.mark.slow
def test_rank_of_dedupes_functions_and_files(built) -> None:
    built, _, _ = built
    namer = sc.Namer(Path(built.trace["workdir"]))
    places = [("tests/test_prices.py", 9), ("tests/test_prices.py", 8), ("shop/prices.py", 8)]
    assert sc.rank_of(places, built, namer) == (2, 2)
    assert sc.rank_of([("tests/test_prices.py", 9)], built, namer) == (None, None)
    assert sc.baselines([("tests/test_prices.py", 9), ("shop/prices.py", 16)])[
        "innermost_frame"
    ] == [("shop/prices.py", 16)]


def test_case_format_errors_are_one_line(tmp_path: Path) -> None:
    d = tmp_path / "x-1"
    d.mkdir()
    (d / "case.toml").write_text('[bug]\nid = "x-1"\n')
    with pytest.raises(case_mod.CaseFormatError, match="project must be a non-empty string"):
        case_mod.load(d)
    (d / "case.toml").write_text("not toml [")
    with pytest.raises(case_mod.CaseFormatError, match="not valid TOML"):
        case_mod.load(d)


def test_dump_round_trips(bench) -> None:
    case, _ = bench
    case.locations = [case_mod.Location("a.py", "f", (1, 2))]
    case.root_in_traceback = False
    case.trace = {"error_type": "KeyError", "frames": 3}
    case_mod.save(case)
    again = case_mod.load(case.dir)
    assert again.locations == case.locations and again.trace == case.trace
    assert case_mod.dump(again) == case_mod.dump(case)


def test_committed_cases_are_well_formed() -> None:
    cases = case_mod.load_all()
    for c in cases:
        if c.built:
            assert c.locations and (c.dir / "trace_native.txt").is_file(), c.id
            assert c.trace.get("error_type"), c.id


@pytest.mark.slow
def test_a_failure_outside_the_test_body_is_not_the_bug(bench, tmp_path: Path) -> None:
    case, _ = bench
    src = tmp_path / "outside"
    (src / "tests").mkdir(parents=True)
    (src / "tests/test_x.py").write_text(
        textwrap.dedent("""\
        import pytest


        @pytest.fixture
        def broken():
            raise ValueError("the fixture ran code")


        def test_missing_fixture(nowhere):
            pass


        def test_new_name():
            from json import no_such_name


        def test_fixture_ran_code(broken):
            pass


        def test_body():
            assert 1 == 2
        """)
    )
    case.tests = ["tests/test_x.py"]
    out = bld.run_tests(case, src, Path(sys.prefix))
    names = {n.rsplit("::", 1)[1] for n in out.failed}
    assert names == {"test_missing_fixture", "test_new_name", "test_fixture_ran_code", "test_body"}
    assert {n.rsplit("::", 1)[1] for n in out.in_body} == {"test_fixture_ran_code", "test_body"}


def test_mine_proposes_the_fix_commit_with_its_new_test(bench, tmp_path: Path) -> None:
    from debugai.evals.realbench import mine

    case, mirror = bench
    found = mine.candidates(mirror, "shop/")
    assert [(c.fixed, c.buggy) for c in found] == [(case.fixed_commit, case.buggy_commit)]
    assert found[0].tests == ("tests/test_prices.py::test_total_lower",)
    assert found[0].source == ("shop/prices.py",)
    eras = [mine.Era("2000-01-01", "3.11", ("pytest==8.3.5",))]
    made = mine.write_cases(found, out=tmp_path / "mined", project="shop", repo="acme/shop",
                            eras=eras, pythonpath=["."])  # fmt: skip
    again = case_mod.load(made[0].dir)
    assert again.id == "shop-1" and again.tests == ["tests/test_prices.py::test_total_lower"]
    assert again.python == "3.11" and not again.built
    # A subject that reads like a feature is not proposed.
    assert mine.candidates(mirror, "shop/", not_fix_words=r"^fix") == []


def test_a_test_in_a_package_init_is_passed_as_its_file_and_selected(bench, tmp_path) -> None:
    case, _ = bench
    ids = [
        "t/pkg/__init__.py::TestT::test_a",
        "t/test_b.py::test_b",
        "t/pkg/__init__.py::TestT::test_c",
    ]
    assert bld.test_args(ids) == (
        ["t/pkg", "t/test_b.py::test_b"],
        ["t/pkg/__init__.py::TestT::test_a", "t/pkg/__init__.py::TestT::test_c"],
    )
    src = tmp_path / "initpkg"
    (src / "t/pkg").mkdir(parents=True)
    (src / "pytest.ini").write_text("[pytest]\npython_files = test_*.py __init__.py\n")
    (src / "t/__init__.py").write_text("")
    (src / "t/pkg/__init__.py").write_text(
        "class TestT:\n    def test_a(self):\n        assert 0\n\n    def test_b(self):\n        assert 0\n"
    )
    (src / "t/pkg/test_other.py").write_text("def test_other():\n    assert 0\n")
    case.tests = ["t/pkg/__init__.py::TestT::test_a"]
    out = bld.run_tests(case, src, Path(sys.prefix))
    assert out.failed == ("t/pkg/__init__.py::TestT::test_a",) and not out.collection_error
