"""Which files get indexed, their module names, and bad files that must not crash anything."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from debugai.indexers import IndexOptions, build_index
from debugai.indexers.files import assign_modules, module_name


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(textwrap.dedent(content), encoding="utf-8")


def test_module_names() -> None:
    assert module_name("pkg/__init__.py") == "pkg"
    assert module_name("pkg/sub/mod.py") == "pkg.sub.mod"
    assert module_name("src/pkg/mod.py") == "pkg.mod"
    assert module_name("scripts/run.py") == "scripts.run"
    assert module_name("setup.py") == "setup"


def test_module_name_collisions_are_resolved_deterministically() -> None:
    paths = [
        "src/pkg/a.py",
        "pkg/a.py",
        "pkg/__init__.py",
        "src/pkg/__init__.py",
        "a.py",
        "a/__init__.py",
    ]
    first, warnings = assign_modules(paths)
    again, _ = assign_modules(list(reversed(paths)))
    assert first == again
    assert first["pkg/a.py"] == "pkg.a" and first["src/pkg/a.py"] == "src.pkg.a"
    assert first["a/__init__.py"] == "a" and first["a.py"] != "a"
    assert len(set(first.values())) == len(paths)
    assert len(warnings) == 3


def test_gitignore_virtualenvs_and_build_folders_are_skipped(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".gitignore": "generated/\n*_pb2.py\n!keep_pb2.py\n",
            "app/main.py": "def main():\n    pass\n",
            "app/api_pb2.py": "X = 1\n",
            "app/keep_pb2.py": "X = 1\n",
            "generated/big.py": "X = 1\n",
            "app/sub/.gitignore": "local.py\n",
            "app/sub/local.py": "X = 1\n",
            "app/sub/other.py": "X = 1\n",
            "venv2/pyvenv.cfg": "home = /usr\n",
            "venv2/lib/x.py": "X = 1\n",
            "lib/site-packages/dep.py": "X = 1\n",
            "build/lib/app.py": "X = 1\n",
            "node_modules/x.py": "X = 1\n",
            "app/__pycache__/x.py": "X = 1\n",
        },
    )
    idx = build_index(tmp_path, IndexOptions(cache=False))
    assert sorted(idx.files) == ["app/keep_pb2.py", "app/main.py", "app/sub/other.py"]


def test_include_and_exclude(tmp_path: Path) -> None:
    write(tmp_path, {"app/a.py": "", "app/b.py": "", "tests/test_a.py": "", "tools/t.py": ""})
    idx = build_index(tmp_path, IndexOptions(cache=False, exclude=("tests",)))
    assert sorted(idx.files) == ["app/a.py", "app/b.py", "tools/t.py"]
    idx = build_index(
        tmp_path, IndexOptions(cache=False, include=("app/*",), exclude=("app/b.py",))
    )
    assert sorted(idx.files) == ["app/a.py"]


def test_bad_files_are_skipped_or_partially_indexed_with_counted_warnings(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "good.py": "def ok():\n    return 1\n",
            "latin.py": b"# caf\xe9\ndef caf():\n    return '\xff'\n",
            "broken.py": "def before():\n    return 1\n\ndef broken(:\n    pass\n\ndef after():\n    return 2\n",
            "blob.py": bytes(range(256)) * 4,
            "empty.py": "",
        },
    )
    # A 20 MB generated file, made by code here rather than shipped.
    with open(tmp_path / "generated.py", "w", encoding="utf-8") as fh:
        row = "VALUE_%d = %d\n"
        for i in range(1_100_000):
            fh.write(row % (i, i))
    assert (tmp_path / "generated.py").stat().st_size > 20_000_000
    idx = build_index(tmp_path, IndexOptions(cache=False))
    errors = {p: f.error for p, f in idx.files.items() if f.error}
    assert set(errors) == {"broken.py", "blob.py", "generated.py"}
    assert "syntax error" in errors["broken.py"]
    assert "binary" in errors["blob.py"]
    assert "MB" in errors["generated.py"]
    assert idx.stats.errors == 3
    assert idx.module_of("blob.py") is None and idx.module_of("broken.py") == "broken"
    assert "broken.before" in idx.symbols and "broken.after" in idx.symbols  # what parses is kept
    assert "latin.caf" in idx.symbols
    assert any("latin.py" in w and "UTF-8" in w for w in idx.stats.warnings)
    assert idx.lines("latin.py")[0].startswith("# caf")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, {"ok.py": "X = 1\n", "secret.py": "Y = 2\n"})
    (tmp_path / "secret.py").chmod(0)
    try:
        idx = build_index(tmp_path, IndexOptions(cache=False))
    finally:
        (tmp_path / "secret.py").chmod(0o644)
    assert "cannot read" in (idx.files["secret.py"].error or "")


def test_unreadable_file_is_skipped_even_as_root(tmp_path: Path, monkeypatch) -> None:
    write(tmp_path, {"ok.py": "X = 1\n", "secret.py": "Y = 2\n"})
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith("secret.py"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    idx = build_index(tmp_path, IndexOptions(cache=False))
    assert "cannot read" in (idx.files["secret.py"].error or "")
    assert idx.files["ok.py"].error is None


def test_symlinks_never_leave_the_repo(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    repo = tmp_path / "repo"
    write(outside, {"evil.py": "def evil():\n    pass\n", "pkg/mod.py": "X = 1\n"})
    write(repo, {"app.py": "def main():\n    pass\n"})
    os.symlink(outside / "evil.py", repo / "evil.py")
    os.symlink(outside / "pkg", repo / "pkg")
    os.symlink(repo / "app.py", repo / "alias.py")
    idx = build_index(repo, IndexOptions(cache=False))
    assert "evil.py" not in idx.files and not any(p.startswith("pkg/") for p in idx.files)
    assert sum("symlink leaves the repository" in w for w in idx.stats.warnings) == 2
    assert sorted(idx.files) == ["app.py"]  # the in-repo alias is not indexed twice


def test_empty_repo(tmp_path: Path) -> None:
    idx = build_index(tmp_path)
    assert idx.files == {} and idx.symbols == {} and idx.stats.resolved_share == 1.0
    assert idx.symbol_at("x.py", 1) is None and idx.neighbourhood(["x"]) == set()


def test_missing_repo_is_a_user_error(tmp_path: Path) -> None:
    from debugai.errors import RepoError

    with pytest.raises(RepoError):
        build_index(tmp_path / "nope")


@pytest.mark.parametrize(
    ("path", "is_test"),
    [
        ("tests/test_app.py", True),
        ("test/helpers.py", True),  # luigi's layout: a helper of the tests is test code
        ("pkg/testing/fixtures.py", True),
        ("conftest.py", True),
        ("pkg/thing_test.py", True),
        ("pkg/contest.py", False),
        ("pkg/testutils.py", False),
        ("src/app/main.py", False),
    ],
)
def test_one_definition_of_test_code(path: str, is_test: bool) -> None:
    from debugai.agent.static.suspects import is_test as engine_is_test
    from debugai.evals.realbench.build import is_test_path as bench_is_test
    from debugai.indexers.files import is_test_path

    assert is_test_path(path) is is_test
    assert engine_is_test(path) is is_test  # the engine and the benchmark agree
    assert bench_is_test(path) is is_test
