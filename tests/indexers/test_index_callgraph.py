"""The call-graph micro-case corpus (tests/callgraph_cases/<feature>/expected.toml), scored.

Every case's in-repo call edges must match its `calls` list exactly: a missing edge costs recall,
an extra edge is a wrong link and costs precision. Cases with `known_limit` document what the
indexer cannot do yet: they must still produce no wrong edge, and must still miss something (when
one starts passing, promote it to a normal case).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from debugai.indexers import CodeIndex, IndexOptions, build_index

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES_DIR = Path(__file__).parent.parent / "callgraph_cases"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "expected.toml").is_file())


@dataclass
class Scored:
    expected: set[str]
    predicted: set[str]
    known_limit: str | None
    spec: dict = field(default_factory=dict)

    @property
    def missing(self) -> set[str]:
        return self.expected - self.predicted

    @property
    def wrong(self) -> set[str]:
        return self.predicted - self.expected


def edges(idx: CodeIndex, kind: str) -> set[str]:
    return {f"{u} -> {v}" for u, v, k in idx.graph.edges(data="kind") if k == kind}


def score(name: str) -> tuple[Scored, CodeIndex]:
    spec = tomllib.loads((CASES_DIR / name / "expected.toml").read_text(encoding="utf-8"))
    idx = build_index(CASES_DIR / name, IndexOptions(cache=False))
    calls = edges(idx, "calls")
    internal = {e for e in calls if " -> ext:" not in e}
    return Scored(set(spec.get("calls", [])), internal, spec.get("known_limit"), spec), idx


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[Scored, CodeIndex]]:
    return {name: score(name) for name in CASES}


def test_corpus_covers_the_resolution_features() -> None:
    wanted = {
        "plain_calls", "import_absolute", "import_relative", "import_alias", "star_import",
        "package_reexport", "src_layout", "namespace_package", "self_methods_mro",
        "cls_and_static", "constructor_init", "super_calls", "local_type_flow", "decorated",
        "partial", "fastapi_depends", "unresolvable", "external", "env_reads", "none_paths",
    }  # fmt: skip
    assert wanted <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_case(name: str, results: dict[str, tuple[Scored, CodeIndex]]) -> None:
    s, idx = results[name]
    assert not s.wrong, f"wrong edges (never acceptable): {sorted(s.wrong)}"
    if s.known_limit:
        assert s.missing, f"{name} now passes: drop known_limit and make it a normal case"
        return
    assert not s.missing, f"missing edges: {sorted(s.missing)}"
    spec = s.spec
    if "external_calls" in spec:
        missing = set(spec["external_calls"]) - edges(idx, "calls")
        assert not missing, f"missing external calls: {sorted(missing)}"
    if "imports" in spec:
        missing = set(spec["imports"]) - edges(idx, "imports")
        assert not missing, f"missing imports: {sorted(missing)}"
    if "inherits" in spec:
        assert edges(idx, "inherits") == set(spec["inherits"])
    if "unresolved" in spec:
        kept = {f"{u.caller}: {u.text}" for u in idx.unresolved}
        assert set(spec["unresolved"]) <= kept, (
            f"should stay unresolved: {set(spec['unresolved']) - kept}"
        )
        if spec.get("unresolved_exact"):
            assert kept == set(spec["unresolved"]), f"unexpectedly unresolved: {kept}"
    if "env" in spec:
        assert {f"{e.symbol}: {e.var} {e.how}" for e in idx.env_reads} == set(spec["env"])
    if "modules" in spec:
        assert {f.module for f in idx.files.values()} == set(spec["modules"])
    for sid, reasons in spec.get("none_paths", {}).items():
        got = sorted(p.reason for p in idx.symbols[sid].none_paths)
        assert got == sorted(reasons), f"{sid}: {got}"


def test_precision_and_recall(results: dict[str, tuple[Scored, CodeIndex]], capsys) -> None:
    tp = fp = fn = 0
    limits = []
    for name, (s, _idx) in results.items():
        tp += len(s.expected & s.predicted)
        fp += len(s.wrong)
        fn += len(s.missing)
        if s.known_limit:
            limits.append(f"  {name}: {s.known_limit}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    with capsys.disabled():
        print(
            f"\ncall-graph corpus: {len(results)} cases, precision {precision:.3f}, recall {recall:.3f}"
        )
        print("known limits:\n" + "\n".join(limits))
    assert precision == 1.0
    assert fn == sum(len(s.missing) for s, _ in results.values() if s.known_limit)


def test_readme_lists_every_case() -> None:
    readme = (CASES_DIR / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in CASES)
