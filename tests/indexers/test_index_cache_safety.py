"""The cache is debugai's own: never followed through a link, its GC deletes only its records,
and a cache that passes its checksum but holds malformed data is rebuilt, not fatal."""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path
from typing import Any

import pytest
from indexers.test_index_cache import age, repo, write  # noqa: F401 - the fixture

from debugai.indexers import IndexOptions, build_index
from debugai.indexers import cache as cache_mod


def victim_objects(tmp_path: Path) -> tuple[Path, list[Path]]:
    """Another repository's .git with loose objects laid out like the cache's."""
    git = tmp_path / "other" / ".git"
    files = []
    for name in ("ab/" + "c" * 38, "ab/" + hashlib.sha256(b"x").hexdigest(), "01/notes"):
        p = git / "objects" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"blob 5\x00hello")
        files.append(p)
    return git, files


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def add_module(root: Path, n: int) -> None:
    # A new module changes the module map, which makes the next build collect garbage.
    write(root, {f"app/extra{n}.py": f"def f{n}():\n    return {n}\n"})
    age(root)


def test_a_symlinked_dot_debugai_is_never_followed(
    repo: Path,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    git, files = victim_objects(outside)
    before = snapshot(git)
    # The user cache dir comes from the front end's Config (XDG_CACHE_HOME/debugai), as options.
    opts = IndexOptions(user_cache=outside / "usercache" / "debugai")
    (repo / ".debugai").symlink_to(git, target_is_directory=True)
    for n in range(3):
        idx = build_index(repo, opts)
        add_module(repo, n)
    assert snapshot(git) == before, "the cache wrote or deleted files through the link"
    assert all(p.exists() for p in files)
    assert any(".debugai in the repository is a symlink" in w for w in idx.stats.warnings)
    # It cached somewhere of its own instead, and that cache works.
    user = [p for p in (outside / "usercache" / "debugai").iterdir() if p.name != "cache.key"]
    assert len(user) == 1 and (user[0] / "links.bin").is_file()
    assert build_index(repo, opts).stats.parsed == 1  # only the module added last


def test_symlinked_objects_folders_are_not_written_or_swept(
    repo: Path,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    git, _files = victim_objects(outside)
    before = snapshot(git)
    build_index(repo)
    objects = repo / ".debugai" / "objects"
    # A repository can commit links inside a real .debugai: one per record folder ...
    sub = next(p for p in objects.iterdir() if p.is_dir())
    for entry in sub.iterdir():
        entry.unlink()
    sub.rmdir()
    sub.symlink_to(git / "objects" / "ab", target_is_directory=True)
    for n in range(3):
        build_index(repo)
        add_module(repo, n)
    assert snapshot(git) == before
    # ... or objects/ itself: then it is not its cache at all.
    for p in sorted(objects.rglob("*"), reverse=True):
        p.unlink() if p.is_file() or p.is_symlink() else p.rmdir()
    objects.rmdir()
    objects.symlink_to(git / "objects", target_is_directory=True)
    for n in range(3, 6):
        build_index(repo)
        add_module(repo, n)
    assert snapshot(git) == before


def test_garbage_collection_deletes_only_its_own_records(repo: Path) -> None:  # noqa: F811
    build_index(repo)
    objects = repo / ".debugai" / "objects"
    sub = next(p for p in objects.iterdir() if p.is_dir())
    planted = {
        "notes.txt": b"mine",
        hashlib.sha256(b"foreign").hexdigest(): b"not a cache file",
        sub.name + "f" * 62: b"blob 4\x00data",
    }
    for name, data in planted.items():
        (sub / name).write_bytes(data)
    stale = cache_mod.object_path(repo / ".debugai", sub.name + "e" * 62)
    stale.write_bytes(cache_mod.encode(("stale record",)))
    add_module(repo, 1)
    build_index(repo)
    for name, data in planted.items():
        assert (sub / name).read_bytes() == data, f"GC deleted {name}, which it did not write"
    assert not stale.exists(), "GC kept a stale record of its own"


def _mangle(value: Any, rng: random.Random) -> Any:
    """value with some part swapped for something of the wrong shape."""
    junk = [None, 5, "x", (), (1, 2), {"a": 1}, -1, 2**40, ("a",) * 9]
    if isinstance(value, (tuple, list)) and value and rng.random() < 0.8:
        i = rng.randrange(len(value))
        out = list(value)
        out[i] = _mangle(value[i], rng)
        return tuple(out) if isinstance(value, tuple) else out
    if isinstance(value, dict) and value and rng.random() < 0.8:
        k = rng.choice(sorted(value, key=str))
        return {**value, k: _mangle(value[k], rng)}
    return rng.choice(junk)


# 203: links.bin unusable and a stored file record's call edge malformed, so the links are made
# from that record: they are checked too, else every later load rebuilt again.
@pytest.mark.parametrize("seed", [*range(12), 203])
def test_a_checksum_valid_cache_with_malformed_records_is_rebuilt(
    repo: Path,  # noqa: F811
    seed: int,
) -> None:
    rng = random.Random(seed)
    first = build_index(repo)
    expected = sorted(first.symbols)
    folder = repo / ".debugai"
    targets = [folder / "links.bin", *sorted((folder / "objects").rglob("*"))]
    targets = [p for p in targets if p.is_file()]
    for path in rng.sample(targets, k=min(len(targets), 1 + seed % 3)):
        payload = cache_mod.load(path)
        cache_mod.dump(path, _mangle(payload, rng))
    os.utime(repo / "app" / "users.py")  # one file also changed: the records are consulted
    idx = build_index(repo)
    assert sorted(idx.symbols) == expected
    # What survived the load's shape check serves every query: the lazy tables all build.
    _ = idx.unresolved, idx.env_reads, idx.assignments, idx.graph
    for sid in idx.symbols:
        assert isinstance(idx.callers(sid), list) and isinstance(idx.callees(sid), list)
    for file in idx.files:
        for line in range(1, 80):  # the fixture's files are shorter
            assert isinstance(idx.calls_at(file, line), list)
            idx.symbol_at(file, line)
    again = build_index(repo)
    assert sorted(again.symbols) == expected
    assert not [w for w in again.stats.warnings if "cache" in w]


def test_a_cache_this_user_did_not_write_is_never_loaded(
    repo: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A repository can commit a .debugai of its own, checksums and all: only a MAC under this
    # user's key makes a record loadable, so a stranger's records are rebuilt, never read.
    first = build_index(repo)
    monkeypatch.setattr(cache_mod, "_KEY", b"k" * 32)  # the stranger's key
    shipped = {p: cache_mod.encode(("fake", "records")) for p in (repo / ".debugai").rglob("*")}
    monkeypatch.undo()
    for path, data in shipped.items():
        if path.is_file() and path.name != ".gitignore":
            path.write_bytes(data)
    idx = build_index(repo)
    assert any("not written by this user's debugai" in w for w in idx.stats.warnings)
    assert sorted(idx.symbols) == sorted(first.symbols)
    key = cache_mod.key_file()
    assert key.stat().st_mode & 0o077 == 0 and len(key.read_bytes()) == 32
