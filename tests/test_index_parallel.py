"""Worker processes (parse) and forks (link) give exactly the single-process index."""

from __future__ import annotations

from pathlib import Path

import pytest

from debugai.indexers import IndexOptions, build_index, parallel

CASES = Path(__file__).parent / "callgraph_cases"


def snapshot(idx) -> tuple:
    edges = sorted((u, v, d.get("line", 0), d["kind"]) for u, v, d in idx.graph.edges(data=True))
    return (
        idx.symbols,
        edges,
        sorted((u.caller, u.line, u.text) for u in idx.unresolved),
        {p: (f.sha256, f.error) for p, f in idx.files.items()},
        idx.stats.calls_total,
        idx.stats.calls_resolved,
        idx.stats.calls_external,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for case in ("package_reexport", "local_type_flow", "fastapi_depends", "self_methods_mro"):
        for src in (CASES / case).rglob("*.py"):
            dst = tmp_path / case / src.relative_to(CASES / case)
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_bytes(src.read_bytes())
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "blob.py").write_bytes(bytes(range(256)))
    (tmp_path / "bad" / "broken.py").write_text("def ok():\n    pass\n\ndef broken(:\n")
    (tmp_path / "bad" / "latin.py").write_bytes(b"X = '\xe9'\n")
    return tmp_path


def test_parallel_cold_index_equals_single_process(
    repo: Path, tmp_path_factory, monkeypatch
) -> None:
    single = build_index(repo, IndexOptions(cache_dir=tmp_path_factory.mktemp("c1"), jobs=1))
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    cache_dir = tmp_path_factory.mktemp("c2")
    multi = build_index(repo, IndexOptions(cache_dir=cache_dir, jobs=2))
    # Files with equal content (empty __init__.py) may share one parse: at most as many parses.
    assert 0 < multi.stats.parsed <= single.stats.parsed == len(single.files) - 1  # blob skipped
    assert snapshot(multi) == snapshot(single)
    assert sorted(multi.stats.warnings) == sorted(single.stats.warnings)
    # Workers stored the records: a renamed file is found again by content, not re-parsed.
    (repo / "bad" / "broken.py").rename(repo / "bad" / "broken2.py")
    again = build_index(repo, IndexOptions(cache_dir=cache_dir, jobs=2))
    assert again.stats.parsed == 0 and "bad.broken2.ok" in again.symbols
