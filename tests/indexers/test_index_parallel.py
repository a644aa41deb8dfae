"""Parse worker processes give exactly the single-process index."""

from __future__ import annotations

from pathlib import Path

import pytest

from debugai.indexers import IndexOptions, build_index, parallel

CASES = Path(__file__).parent.parent / "callgraph_cases"


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


def test_indexing_pauses_the_cyclic_collector_and_restores_it(repo: Path, tmp_path_factory) -> None:
    """The collector is off while indexing (it was half the link time) and back on after."""
    import gc

    from debugai.errors import RepoError

    seen: list[bool] = []

    def progress(_done: int, _total: int) -> None:
        seen.append(gc.isenabled())

    assert gc.isenabled()
    idx = build_index(
        repo, IndexOptions(cache_dir=tmp_path_factory.mktemp("c"), jobs=1), progress=progress
    )
    assert seen and not any(seen)
    assert gc.isenabled()
    assert idx.graph.number_of_nodes() > 0  # built under the same pause
    assert gc.isenabled()
    with pytest.raises(RepoError):
        build_index(repo / "missing")
    assert gc.isenabled()
    # A caller that turned the collector off keeps it off.
    gc.disable()
    try:
        build_index(repo, IndexOptions(cache_dir=tmp_path_factory.mktemp("c"), jobs=1))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_workers_parse_changed_files_and_store_them_after(
    repo: Path, tmp_path_factory, monkeypatch
) -> None:
    """Changed files parse in the pool; their records reach the cache once the build returns."""
    import hashlib

    from debugai.indexers import cache

    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    cache_dir = tmp_path_factory.mktemp("c")
    build_index(repo, IndexOptions(cache_dir=cache_dir, jobs=2))
    changed = sorted(p for p in repo.rglob("*.py") if p.parent.name != "bad")[:3]
    for n, path in enumerate(changed):
        path.write_text(path.read_text() + f"\n\ndef added_{n}():\n    return {n}\n")
    multi = build_index(repo, IndexOptions(cache_dir=cache_dir, jobs=2))
    assert multi.stats.parsed == len(changed)
    for path in changed:
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        assert cache.decode(cache.object_path(cache_dir, sha).read_bytes())[0]  # defs stored
    single = build_index(repo, IndexOptions(cache_dir=tmp_path_factory.mktemp("c1"), jobs=1))
    assert snapshot(multi) == snapshot(single)


def test_a_damaged_stored_record_is_reparsed_and_replaced(
    repo: Path, tmp_path_factory, monkeypatch
) -> None:
    import hashlib

    from debugai.indexers import cache

    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    cache_dir = tmp_path_factory.mktemp("c")
    first = build_index(repo, IndexOptions(cache_dir=cache_dir, jobs=2))
    victim = repo / "local_type_flow" / "repo.py"
    obj = cache.object_path(cache_dir, hashlib.sha256(victim.read_bytes()).hexdigest())
    obj.write_bytes(obj.read_bytes()[:-7] + b"garbage")
    (cache_dir / "links.bin").unlink()  # every file is unseen again: workers look records up
    again = build_index(repo, IndexOptions(cache_dir=cache_dir, jobs=2))
    assert snapshot(again) == snapshot(first)
    assert again.stats.parsed == 1  # only the damaged one
    assert cache.decode(obj.read_bytes())  # and it was written again, whole


def test_a_parent_with_threads_spawns_workers_instead_of_forking(
    repo: Path, tmp_path_factory, monkeypatch
) -> None:
    """Forking a threaded process is unsafe (chat, the CI bot): workers are spawned instead."""
    import threading

    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1)
    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait, daemon=True)
    waiter.start()
    try:
        assert parallel._context().get_start_method() == "spawn"
        multi = build_index(repo, IndexOptions(cache_dir=tmp_path_factory.mktemp("c"), jobs=2))
    finally:
        stop.set()
        waiter.join()
    single = build_index(repo, IndexOptions(cache_dir=tmp_path_factory.mktemp("c1"), jobs=1))
    assert multi.stats.parsed > 0
    assert snapshot(multi) == snapshot(single)
