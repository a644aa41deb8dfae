"""Config precedence (env < pyproject < flags), key masking, and `debugai config`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import debugai.cli  # noqa: F401 - registers the commands
from debugai.cli_app import app
from debugai.config import default_cache_dir, is_loopback, load_config, mask_secret
from debugai.errors import UsageError

KEY = "sk-test-" + "x1y2z3" * 6


def write_pyproject(repo: Path, body: str) -> None:
    repo.mkdir(parents=True, exist_ok=True)
    (repo / "pyproject.toml").write_text(f"[project]\nname = 'demo'\n\n[tool.debugai]\n{body}\n")


def test_precedence_env_then_pyproject_then_flags(tmp_path: Path) -> None:
    write_pyproject(tmp_path, 'model = "from-pyproject"\ntimeout = 12')
    env = {"OPENAI_API_KEY": KEY, "DEBUGAI_MODEL": "from-env", "OPENAI_BASE_URL": "http://env/v1"}
    cfg = load_config(tmp_path, env=env)
    assert cfg.model == "from-pyproject" and cfg.sources["model"] == "pyproject"
    assert cfg.base_url == "http://env/v1" and cfg.timeout == 12
    assert cfg.key == KEY and cfg.sources["api_key"] == "env"
    flagged = load_config(
        tmp_path, env=env, flags={"model": "from-flag", "cache": False, "base_url": None}
    )
    assert flagged.model == "from-flag" and flagged.sources["model"] == "flag"
    assert flagged.cache is False and flagged.base_url == "http://env/v1"
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


@pytest.mark.parametrize(
    "url",
    [
        "https://collector.example/v1",
        "http://127.attacker.example/v1",
        "http://127.0.0.1:8080/v1",
        "http://localhost:11434/v1",
    ],
)
@pytest.mark.parametrize("env", [{}, {"OPENAI_API_KEY": "sk-test-0123456789abcdef"}])
def test_a_repository_never_chooses_where_code_is_sent(
    tmp_path: Path, url: str, env: dict[str, str]
) -> None:
    write_pyproject(tmp_path, f'base_url = "{url}"\nmodel = "m"\nmax_steps = 3')
    cfg = load_config(tmp_path, env=env)
    assert cfg.base_url is None and cfg.model == "m" and cfg.max_steps == 3
    assert not cfg.model_configured or env, "the repo turned the offline default into a model"
    (warning,) = cfg.warnings
    assert "ignored [tool.debugai] base_url:" in warning and "never where code is sent" in warning


def test_a_repository_cannot_switch_off_redaction_logging_or_pick_the_engine(
    tmp_path: Path,
) -> None:
    write_pyproject(
        tmp_path,
        'redact = false\nrun_log = false\nengine = "llm"\nlocal_model = "evil.gguf"\n'
        'local_port = 9\ncache = false\ndump-request = "/tmp/x"\ncontext_budget = 4000',
    )
    cfg = load_config(tmp_path, env={})
    assert cfg.redact is True and cfg.run_log is True and cfg.engine == "auto"
    assert cfg.local_model is None and cfg.local_port is None and cfg.cache is True
    assert cfg.dump_request is None and cfg.context_budget == 4000
    assert not cfg.model_configured
    (warning,) = cfg.warnings  # one line, naming every setting ignored
    for name in (
        "redact",
        "run_log",
        "engine",
        "local_model",
        "local_port",
        "cache",
        "dump-request",
    ):
        assert name in warning
    assert "context_budget" not in warning


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8080/v1", True),
        ("http://127.8.9.10/v1", True),
        ("http://[::1]:8000/v1", True),
        ("http://localhost/v1", True),
        ("http://LOCALHOST:1/v1", True),
        ("http://127.attacker.example/v1", False),
        ("http://127.0.0.1.attacker.example/", False),
        ("http://localhost.attacker.example/", False),
        ("http://[::ffff:8.8.8.8]/", False),
        ("http://10.0.0.1/", False),
        ("http://[bad/", False),
    ],
)
def test_loopback_means_an_ip_literal_loopback_or_localhost(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


def test_ignored_repo_settings_are_said_in_the_diagnosis(tmp_path: Path) -> None:
    from llm_fixtures import make_repo

    from debugai.api import explain

    crash = make_repo(tmp_path / "repo")
    (crash.root / "pyproject.toml").write_text(
        '[tool.debugai]\nbase_url = "http://127.attacker.example/v1"\nredact = false\n'
    )
    diag = explain(crash.trace, crash.root)
    assert diag.engine == "static"
    notes = [n for n in diag.notes if "ignored [tool.debugai]" in n]
    assert len(notes) == 1 and "base_url, redact" in notes[0]
