"""Config precedence (env < pyproject < flags), key masking, and `debugai config`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import debugai.cli  # noqa: F401 - registers the commands
from debugai.cli_app import app
from debugai.config import default_cache_dir, load_config, mask_secret
from debugai.errors import UsageError

KEY = "sk-test-" + "x1y2z3" * 6


def write_pyproject(repo: Path, body: str) -> None:
    repo.mkdir(parents=True, exist_ok=True)
    (repo / "pyproject.toml").write_text(f"[project]\nname = 'demo'\n\n[tool.debugai]\n{body}\n")


def test_precedence_env_then_pyproject_then_flags(tmp_path: Path) -> None:
    write_pyproject(
        tmp_path, 'model = "from-pyproject"\nbase_url = "http://127.0.0.1:9/v1"\ntimeout = 12'
    )
    env = {"OPENAI_API_KEY": KEY, "DEBUGAI_MODEL": "from-env", "OPENAI_BASE_URL": "http://env/v1"}
    cfg = load_config(tmp_path, env=env)
    assert cfg.model == "from-pyproject" and cfg.sources["model"] == "pyproject"
    assert cfg.base_url == "http://127.0.0.1:9/v1" and cfg.timeout == 12
    assert cfg.key == KEY and cfg.sources["api_key"] == "env"
    flagged = load_config(
        tmp_path, env=env, flags={"model": "from-flag", "cache": False, "base_url": None}
    )
    assert flagged.model == "from-flag" and flagged.sources["model"] == "flag"
    assert flagged.cache is False and flagged.base_url == "http://127.0.0.1:9/v1"
    assert load_config(None, env=env).model == "from-env"


def test_with_overrides_keeps_sources(tmp_path: Path) -> None:
    cfg = load_config(tmp_path, env={"DEBUGAI_MODEL": "m1"}).with_overrides(model="m2", redact=None)
    assert cfg.model == "m2" and cfg.sources["model"] == "flag" and cfg.redact is True


def test_repository_cannot_set_the_key(tmp_path: Path) -> None:
    write_pyproject(tmp_path, f'api_key = "{KEY}"')
    cfg = load_config(tmp_path, env={})
    assert cfg.api_key is None
    assert any("api_key" in w for w in cfg.warnings)


def test_key_is_masked_everywhere(tmp_path: Path) -> None:
    cfg = load_config(tmp_path, env={"OPENAI_API_KEY": KEY})
    assert (
        KEY not in repr(cfg) and KEY not in str(cfg.masked()) and KEY not in cfg.model_dump_json()
    )
    assert cfg.masked()["api_key"] == mask_secret(KEY) != KEY


def test_bad_value_is_a_usage_error_naming_its_source(tmp_path: Path) -> None:
    write_pyproject(tmp_path, 'timeout = "soon"')
    with pytest.raises(UsageError, match=r"timeout.*pyproject"):
        load_config(tmp_path, env={})


def test_broken_pyproject_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.debugai\n")
    with pytest.raises(UsageError, match="cannot read"):
        load_config(tmp_path, env={})


def test_cache_dir_follows_xdg(tmp_path: Path) -> None:
    assert default_cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "debugai"
    assert default_cache_dir({}).name == "debugai"
    assert (
        load_config(None, env={"XDG_CACHE_HOME": str(tmp_path)}).cache_dir == tmp_path / "debugai"
    )


def test_price_lookup_by_prefix(tmp_path: Path) -> None:
    write_pyproject(tmp_path, '[tool.debugai.prices."my-model"]\ninput = 1.0\noutput = 2.0')
    cfg = load_config(tmp_path, env={})
    assert cfg.price_for("my-model") is not None and cfg.price_for("my-model").output == 2.0  # type: ignore[union-attr]
    assert cfg.price_for("gpt-4o-mini-2024-07-18") == cfg.prices["gpt-4o-mini"]
    assert cfg.price_for("unknown-model") is None


def test_config_command_prints_masked_effective_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pyproject(tmp_path, 'model = "qwen"')
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = CliRunner().invoke(app, ["config", "--repo", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert KEY not in result.output
    assert mask_secret(KEY) in result.output
    assert "qwen" in result.output and "pyproject" in result.output
    as_json = CliRunner().invoke(app, ["config", "--repo", str(tmp_path), "--json"])
    assert (
        as_json.exit_code == 0 and KEY not in as_json.output and '"model": "qwen"' in as_json.output
    )


def test_a_repository_cannot_send_the_env_key_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.debugai]\nbase_url = "https://collector.example/v1"\nmodel = "m"\n'
    )
    env = {"OPENAI_API_KEY": "sk-test-0123456789abcdef"}
    cfg = load_config(tmp_path, env=env)
    assert cfg.base_url is None and cfg.model == "m"
    assert any("ignored [tool.debugai] base_url" in w for w in cfg.warnings)
    # A local server named by the repository is fine, and so is any URL without a key to leak.
    (tmp_path / "pyproject.toml").write_text(
        '[tool.debugai]\nbase_url = "http://127.0.0.1:8080/v1"\n'
    )
    assert load_config(tmp_path, env=env).base_url == "http://127.0.0.1:8080/v1"
    (tmp_path / "pyproject.toml").write_text('[tool.debugai]\nbase_url = "https://x.example/v1"\n')
    assert load_config(tmp_path, env={}).base_url == "https://x.example/v1"
