"""The static engine's ranking: features per candidate function, one fitted model, honest fitting."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from debugai.agent.static import ranking
from debugai.agent.static.engine import StaticEngine
from debugai.api import open_index, read_trace
from debugai.evals.realbench import fit as fit_mod


def test_shipped_weights_name_known_features_and_say_how_they_were_fitted() -> None:
    w = ranking.default_weights()
    assert set(w.weights) <= set(ranking.FEATURES)
    assert "leave-one-project-out" in w.fitted_on
    # Real bugs say: test code is rarely the root cause, evidence tied to the value often is.
    assert w.weights["is_test_code"] < 0 < w.weights["ev_value"]


def test_unknown_feature_in_weights_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown features: nope"):
        ranking.weights_from({"bias": 0, "weights": {"nope": 1.0}})


def test_probabilities_follow_utilities_and_leave_room_for_none_of_them() -> None:
    cands = [ranking.Candidate(("a.py", f"f{i}"), "a.py", f"f{i}") for i in range(3)]
    for i, c in enumerate(cands):
        c.features = {"ev_value": float(i)}
    ranking.score(cands, ranking.Weights(-1.0, {"ev_value": 2.0}))
    probs = [c.probability for c in cands]
    assert probs == sorted(probs) and 0 < sum(probs) < 1


def _group(case: str, project: str, good: int, n: int = 4) -> fit_mod.Group:
    rows = [{"ev_value": 0.5, "is_test_code": float(i == 0)} for i in range(n)]
    rows[good]["name_overlap"] = 1.0  # the signal: the truth shares words with the test
    return fit_mod.Group(
        case,
        project,
        rows,
        [i == good for i in range(n)],
        [f"f{i}.py" for i in range(n)],
        [f"f{good}.py"],
        [f"f{i}.py::f{i}" for i in range(n)],
    )


def test_fit_learns_a_consistent_signal_and_lopo_scores_held_out_projects() -> None:
    groups = [_group(f"{p}-{k}", p, good=(k % 3) + 1) for p in ("a", "b", "c") for k in range(4)]
    w = fit_mod.fit(groups, iterations=200)
    assert w.weights["name_overlap"] > 1.0
    res = fit_mod.lopo(groups, iterations=200)
    assert res["overall"]["func@1"] == 1.0 and set(res["projects"]) == {"a", "b", "c"}
    # A project whose truth contradicts the others is scored by weights that never saw it.
    odd = [_group(f"d-{k}", "d", good=1) for k in range(3)]
    for g in odd:
        g.rows[1].pop("name_overlap")
        g.rows[2]["name_overlap"] = 1.0
    res = fit_mod.lopo(groups + odd, iterations=200)
    assert res["projects"]["d"]["func@1"] == 0.0


def test_groups_round_trip(tmp_path: Path) -> None:
    g = _group("x-1", "x", good=2)
    fit_mod.save_groups([g], tmp_path / "f.json")
    assert fit_mod.load_groups(tmp_path / "f.json") == [g]


def _run(root: Path, *cmd: str) -> str:
    proc = subprocess.run(
        [sys.executable, *cmd], cwd=root, capture_output=True, text=True, timeout=120
    )
    return proc.stdout + proc.stderr


def test_a_function_the_failing_test_calls_is_a_candidate_though_no_frame_shows_it(
    tmp_path: Path,
) -> None:
    """The assertion fails in the test; the wrong value came from a helper the test called."""
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "shop" / "discount.py").write_text(
        textwrap.dedent("""\
        def discount_rate(total):
            if total > 100:
                return 0.1
            return 0.0
        """)
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_discount.py").write_text(
        textwrap.dedent("""\
        from shop.discount import discount_rate


        def test_discount_rate_at_the_boundary():
            rate = discount_rate(100)
            assert rate == 0.1
        """)
    )
    out = _run(tmp_path, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
    assert "assert 0.0 == 0.1" in out
    index = open_index(str(tmp_path))
    trace = read_trace(out, index)
    cands = StaticEngine(use_git=False).candidates(trace, index)
    by_symbol = {c.symbol: c for c in cands}
    helper = by_symbol["shop.discount.discount_rate"]
    assert helper.generated or helper.suspects
    assert helper.features["test_callee"] == 1.0 and helper.features["file_of_test"] == 1.0
    assert helper.features["name_overlap"] == 1.0
    diag = StaticEngine(use_git=False).diagnose(trace, index)
    assert diag.root_cause is not None and diag.root_cause.symbol == "shop.discount.discount_rate"
    assert 0 < diag.candidates[0].score < 1


def test_an_evaluation_can_swap_the_weights_for_its_process_and_reset_them() -> None:
    shipped = ranking.default_weights()
    held_out = ranking.Weights(0.0, {"frame_innermost": 5.0}, "held out")
    ranking.use_weights(held_out)
    try:
        assert ranking.default_weights() is held_out
        assert StaticEngine().weights is held_out
    finally:
        ranking.use_weights(None)
    assert ranking.default_weights() == shipped


def test_the_reach_takes_classes_and_the_failing_line(tmp_path: Path) -> None:
    """The test builds a Square and compares what `describe` says."""
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "__init__.py").write_text("")
    (tmp_path / "geo" / "shapes.py").write_text(
        textwrap.dedent("""\
        class Shape:
            def area(self):
                raise NotImplementedError

            def describe(self):
                return f"{self.area():.1f}"


        class Square(Shape):
            def __init__(self, w):
                self.w = w

            def area(self):
                return self.w * 2
        """)
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_shapes.py").write_text(
        textwrap.dedent("""\
        from geo.shapes import Square


        def test_square_area():
            square = Square(3)
            assert square.describe() == "9.0"
        """)
    )
    out = _run(tmp_path, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
    assert "AssertionError" in out or "assert '6.0' == '9.0'" in out
    index = open_index(str(tmp_path))
    trace = read_trace(out, index)
    by_symbol = {c.symbol: c for c in StaticEngine(use_git=False).candidates(trace, index)}
    cls = by_symbol["geo.shapes.Square"]  # the class itself is a candidate, cited at its def
    assert cls.line == 9 and cls.features["is_class"] == 1.0
    assert by_symbol["geo.shapes.Shape.describe"].features["on_test_line"] == 1.0


def test_definitions_the_failing_test_names_are_candidates_where_the_graph_stops(
    tmp_path: Path,
) -> None:
    """The test reaches the wrong code only through a registry the call graph cannot follow; its
    file and its name still say what it is about."""
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "__init__.py").write_text("")
    (tmp_path / "web" / "app.py").write_text(
        textwrap.dedent("""\
        MIDDLEWARE = {}


        def register(name):
            def deco(cls):
                MIDDLEWARE[name] = cls
                return cls
            return deco


        def handle(name, body):
            return MIDDLEWARE[name]().process(body)
        """)
    )
    (tmp_path / "web" / "gzip.py").write_text(
        textwrap.dedent("""\
        from web.app import register


        @register("gzip")
        class GZipResponder:
            def process(self, body):
                return body  # forgets to compress


        def other_words():
            return 1
        """)
    )
    (tmp_path / "web" / "compress.py").write_text("def responder_stats():\n    return {}\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_gzip.py").write_text(
        textwrap.dedent("""\
        import web.gzip
        from web.app import handle


        def test_gzip_responder_compresses():
            assert handle("gzip", b"aaaa") != b"aaaa"
        """)
    )
    out = _run(tmp_path, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
    assert "AssertionError" in out
    index = open_index(str(tmp_path))
    trace = read_trace(out, index)
    by_symbol = {c.symbol: c for c in StaticEngine(use_git=False).candidates(trace, index)}
    named = by_symbol["web.gzip.GZipResponder.process"]
    assert named.features["named_by_test"] == 1.0
    assert named.features["qual_overlap"] == 1.0  # `gzip`, `responder`: its class's words
    assert named.features["name_overlap"] == 0.0  # `process` alone says nothing
    assert by_symbol["web.gzip.other_words"].features["named_by_test"] == 1.0  # a small module
    assert "web.compress.responder_stats" not in by_symbol  # the test is not about that module


def test_methods_of_a_class_the_test_uses_are_candidates(tmp_path: Path) -> None:
    """`Meter(...)` in the test: the methods it reaches only through dispatch the call graph
    cannot follow (`getattr(self, "_" + unit)`) are what the test exercises."""
    (tmp_path / "meter").mkdir()
    (tmp_path / "meter" / "__init__.py").write_text("")
    (tmp_path / "meter" / "core.py").write_text(
        textwrap.dedent("""\
        class Meter:
            def __init__(self, unit):
                self.unit = unit

            def read(self, raw):
                return getattr(self, "_" + self.unit)(raw)

            def _kwh(self, raw):
                return raw / 100  # should be / 1000

            def _wh(self, raw):
                return raw


        class Unrelated:
            def other(self):
                return 0
        """)
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_reading.py").write_text(
        textwrap.dedent("""\
        from meter.core import Meter


        def test_kilowatt_hours():
            assert Meter("kwh").read(1500) == 1.5
        """)
    )
    out = _run(tmp_path, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
    assert "AssertionError" in out
    index = open_index(str(tmp_path))
    trace = read_trace(out, index)
    by_symbol = {c.symbol: c for c in StaticEngine(use_git=False).candidates(trace, index)}
    assert by_symbol["meter.core.Meter._kwh"].features["test_class_method"] == 1.0
    assert by_symbol["meter.core.Meter._kwh"].features["test_reach"] > 0
    other = by_symbol.get("meter.core.Unrelated.other")  # a class the test does not use
    assert other is None or other.features["test_class_method"] == 0.0
