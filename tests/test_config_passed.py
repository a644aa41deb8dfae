"""The front end's Config reaches the indexer, the static engine and the debug switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from llm_fixtures import CrashRepo, make_repo
from typer.testing import CliRunner

import debugai.cli  # noqa: F401 - registers the commands
from debugai.agent.pipeline import explain, open_index
from debugai.cli_app import app
from debugai.config import Config, debug_enabled, load_config


@pytest.fixture()
def repo(tmp_path: Path) -> CrashRepo:
    return make_repo(tmp_path / "repo")


def test_debugai_cache_dir_moves_the_index_cache(repo: CrashRepo, tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere"
    trace = tmp_path / "trace.txt"
    trace.write_text(repo.trace)
    res = CliRunner().invoke(
        app,
        ["explain", str(trace), "--repo", str(repo.root), "--engine", "static"],
        env={"DEBUGAI_CACHE_DIR": str(chosen)},
    )
    assert res.exit_code == 0, res.output
    assert list(chosen.rglob("links.bin")), "the index was not cached under DEBUGAI_CACHE_DIR"
    assert not (repo.root / ".debugai").exists()
    res = CliRunner().invoke(app, ["index", str(repo.root)], env={"DEBUGAI_CACHE_DIR": str(chosen)})
    assert res.exit_code == 0 and "0 parsed" in res.output  # `debugai index` finds it there


def test_without_a_chosen_cache_dir_the_index_stays_in_the_repo(repo: CrashRepo) -> None:
    open_index(repo.root, config=Config())
    assert (repo.root / ".debugai" / "links.bin").is_file()


def test_the_static_engine_keeps_as_many_candidates_as_config_says(repo: CrashRepo) -> None:
    wide = explain(repo.trace, repo.root, engine="static", config=Config(max_candidates=10))
    assert len(wide.candidates) >= 2  # the fixture crash has several suspects
    narrow = explain(repo.trace, repo.root, engine="static", config=Config(max_candidates=1))
    assert len(narrow.candidates) == 1
    assert narrow.candidates[0].file == wide.candidates[0].file


@pytest.mark.parametrize(
    ("value", "on"), [("", False), ("0", False), ("1", True), ("yes", True), ("true", True)]
)
def test_debugai_debug_is_parsed_in_one_place(value: str, on: bool, tmp_path: Path) -> None:
    env = {"DEBUGAI_DEBUG": value, "XDG_CACHE_HOME": str(tmp_path)}
    assert debug_enabled(env) is on
    assert load_config(None, env=env).debug is on


def test_a_repository_cannot_switch_debug_on(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.debugai]\ndebug = true\n")
    cfg = load_config(tmp_path, env={})
    assert cfg.debug is False and any("debug" in w for w in cfg.warnings)
