"""The on-disk cache: reuse, incremental re-linking, corruption, version change, concurrency."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from debugai.indexers import IndexOptions, build_index
from debugai.indexers import cache as cache_mod


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")


def calls(idx) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in idx.graph.edges(data="kind") if k == "calls"}


def age(root: Path, seconds: float = 10.0) -> None:
    """Backdate every file so the racy-mtime guard does not force re-hashing."""
    past = os.stat(root).st_mtime - seconds
    for p in root.rglob("*.py"):
        os.utime(p, (past, past))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/users.py": """
                def get_user(uid):
                    return None
            """,
            "app/billing.py": """
                from app import users
                from app.users import get_user

                def charge(uid):
                    user = get_user(uid)
                    return users.missing(user)
            """,
        },
    )
    age(tmp_path)
    return tmp_path


def test_warm_run_parses_nothing_and_gives_the_same_index(repo: Path) -> None:
    cold = build_index(repo)
    assert cold.stats.parsed == 3
    assert (repo / ".debugai" / ".gitignore").read_text() == "*\n"
    warm = build_index(repo)
    assert warm.stats.parsed == 0
    assert warm.symbols == cold.symbols
    assert calls(warm) == calls(cold)
    assert warm.stats.calls_resolved == cold.stats.calls_resolved


def test_a_changed_file_is_the_only_one_parsed(repo: Path) -> None:
    build_index(repo)
    (repo / "app/users.py").write_text(
        "def get_user(uid):\n    return helper()\n\ndef helper():\n    return 1\n"
    )
    idx = build_index(repo)
    assert idx.stats.parsed == 1
    assert ("app.users.get_user", "app.users.helper") in calls(idx)


def test_new_name_in_a_dependency_relinks_unchanged_importers(repo: Path) -> None:
    idx = build_index(repo)
    assert ("app.billing.charge", "app.users.missing") not in calls(idx)
    with open(repo / "app/users.py", "a", encoding="utf-8") as fh:
        fh.write("\ndef missing(user):\n    return user\n")
    idx = build_index(repo)
    assert idx.stats.parsed == 1  # billing.py is re-linked from its cached record, not re-parsed
    assert ("app.billing.charge", "app.users.missing") in calls(idx)


def test_deleted_file_disappears_and_its_callers_become_unresolved(repo: Path) -> None:
    build_index(repo)
    (repo / "app/users.py").unlink()
    idx = build_index(repo)
    assert "app/users.py" not in idx.files
    assert not any(s.startswith("app.users") for s in idx.symbols)
    assert not any(v.startswith("app.users") for _u, v in calls(idx))
    assert {u.text for u in idx.unresolved if u.caller == "app.billing.charge"} >= {"get_user"}


def test_renamed_file_keeps_its_record_and_takes_the_new_module_name(repo: Path) -> None:
    build_index(repo)
    (repo / "app/users.py").rename(repo / "app/people.py")
    (repo / "app/billing.py").write_text(
        "from app.people import get_user\n\ndef charge(uid):\n    return get_user(uid)\n"
    )
    idx = build_index(repo)
    assert idx.stats.parsed == 1  # only billing.py changed content; people.py's record is reused
    assert idx.module_of("app/people.py") == "app.people"
    assert ("app.billing.charge", "app.people.get_user") in calls(idx)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"garbage" * 10,
        lambda data: data[: len(data) // 2],
        lambda data: data[:-20] + bytes(20),
    ],
    ids=["garbage", "truncated", "bit-rot"],
)
def test_corrupt_cache_is_rebuilt_with_one_warning(repo: Path, damage) -> None:
    first = build_index(repo)
    links = repo / ".debugai" / "links.bin"
    links.write_bytes(damage(links.read_bytes()))
    idx = build_index(repo)
    notes = [w for w in idx.stats.warnings if "links.bin" in w]
    assert len(notes) == 1 and "rebuilding" in notes[0]
    assert calls(idx) == calls(first)
    assert build_index(repo).stats.warnings == []  # and the rebuilt cache is good


def test_corrupt_record_is_parsed_again(repo: Path) -> None:
    first = build_index(repo)
    for obj in (repo / ".debugai" / "objects").rglob("*"):
        if obj.is_file():
            obj.write_bytes(b"\x00" * 8)
    (repo / "app/__init__.py").write_text("# touched\n")  # forces a full re-link, reading records
    (repo / "app/extra.py").write_text("X = 1\n")
    idx = build_index(repo)
    assert calls(idx) == calls(first)


def test_foreign_cache_version_is_rebuilt_with_a_warning(repo: Path) -> None:
    build_index(repo)
    links = repo / ".debugai" / "links.bin"
    data = bytearray(links.read_bytes())
    struct.pack_into("<I", data, 8, cache_mod.CACHE_VERSION + 1)
    links.write_bytes(bytes(data))
    idx = build_index(repo)
    assert any("cache version" in w and "rebuilding" in w for w in idx.stats.warnings)
    assert idx.stats.parsed == 0  # per-file records are still valid: only the link pack is redone


def test_two_processes_indexing_at_once_leave_a_valid_cache(tmp_path: Path) -> None:
    files = {
        f"pkg/mod{i}.py": f"from pkg.mod{(i + 1) % 120} import f{(i + 1) % 120}\n\ndef f{i}():\n    return f{(i + 1) % 120}()\n"
        for i in range(120)
    }
    files["pkg/__init__.py"] = ""
    write(tmp_path, files)
    code = (
        "import sys; from debugai.indexers import build_index; "
        "i = build_index(sys.argv[1]); print(i.stats.calls_resolved)"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1].decode() for o in outs]
    assert {o[0].strip() for o in outs} == {b"120"}
    idx = build_index(tmp_path)
    assert not any("links.bin" in w for w in idx.stats.warnings)
    assert idx.stats.calls_resolved == 120
    assert not list((tmp_path / ".debugai").rglob("*.tmp"))


def test_unwritable_repo_falls_back_to_the_user_cache_dir(
    repo: Path, tmp_path_factory, monkeypatch
) -> None:
    user_cache = tmp_path_factory.mktemp("xdg")
    real_prepare = cache_mod.prepare
    monkeypatch.setattr(
        cache_mod, "prepare", lambda folder: folder.parent != repo and real_prepare(folder)
    )
    build_index(repo, IndexOptions(user_cache=user_cache))
    assert list(user_cache.rglob("links.bin"))
    assert build_index(repo, IndexOptions(user_cache=user_cache)).stats.parsed == 0
    # Without a user cache dir (the library reads no environment) nothing is cached.
    idx = build_index(repo)
    assert idx.stats.parsed > 0 and any("no writable cache" in w for w in idx.stats.warnings)


def test_cache_can_be_disabled_or_pointed_elsewhere(repo: Path, tmp_path_factory) -> None:
    build_index(repo, IndexOptions(cache=False))
    assert not (repo / ".debugai").exists()
    elsewhere = tmp_path_factory.mktemp("c")
    build_index(repo, IndexOptions(cache_dir=elsewhere))
    assert (elsewhere / "links.bin").is_file() and not (repo / ".debugai").exists()
    idx = build_index(repo, IndexOptions(cache_dir=Path("/proc/debugai-no-such-cache")))
    assert any("not writable" in w for w in idx.stats.warnings)


def test_refresh_in_memory_picks_up_an_edit(repo: Path) -> None:
    idx = build_index(repo)
    (repo / "app/users.py").write_text(
        "def get_user(uid):\n    return lookup(uid)\n\ndef lookup(uid):\n    return uid\n"
    )
    fresh = idx.refresh()
    assert fresh.stats.parsed == 1
    assert ("app.users.get_user", "app.users.lookup") in calls(fresh)
    assert ("app.billing.charge", "app.users.get_user") in calls(fresh)


def test_small_changes_go_to_a_journal_that_later_runs_apply(repo: Path) -> None:
    build_index(repo)
    pack = (repo / ".debugai" / "links.bin").read_bytes()
    (repo / "app/users.py").write_text(
        "def get_user(uid):\n    return helper()\n\ndef helper():\n    return 1\n"
    )
    build_index(repo)
    assert (repo / ".debugai" / "links.bin").read_bytes() == pack  # not rewritten
    assert (repo / ".debugai" / "links.delta").is_file()
    age(repo)
    idx = build_index(repo)
    assert idx.stats.parsed == 0 and ("app.users.get_user", "app.users.helper") in calls(idx)
    # A damaged journal only costs re-checking: the answer stays right.
    (repo / ".debugai" / "links.delta").write_bytes(b"junk")
    idx = build_index(repo)
    assert ("app.users.get_user", "app.users.helper") in calls(idx)
    assert idx.stats.warnings == []
