"""Typed configuration: defaults < environment < the repo's `[tool.debugai]` < CLI flags.

Config is an argument, never a global: `load_config(repo, flags=...)` returns a frozen object
that the engines take in their `from_config` constructors. The API key is a `SecretStr`, is never
read from a repository file (a key has no place in version control), and is masked whenever
the config is shown.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, cast, get_args
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from debugai.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

EngineName = Literal["auto", "static", "llm", "local"]
OutputMode = Literal["auto", "json_schema", "json_object", "text"]
ToolMode = Literal["auto", "on", "off"]
# Whether the model may overrule the static engine's first suspect: "confirm" keeps it first and
# lists a disagreeing pick second; "auto" is "confirm" for local models, "full" for the rest.
Authority = Literal["auto", "full", "confirm"]

ENV_VARS = {
    "OPENAI_API_KEY": "api_key",
    "OPENAI_BASE_URL": "base_url",
    "DEBUGAI_MODEL": "model",
    "DEBUGAI_LOCAL_MODEL": "local_model",
    "DEBUGAI_CACHE_DIR": "cache_dir",
    "DEBUGAI_MODEL_AUTHORITY": "model_authority",
}
# What a repository's `[tool.debugai]` may choose: the model's name and the budgets of a run.
# Where code is sent (base_url, a local model), whether it is redacted or logged, which engine
# runs and the key stay the user's call: a cloned repository must not turn the offline default
# into an upload. See docs/security.md.
FROM_REPO = frozenset(
    {
        "model",
        "context_budget",
        "max_output_tokens",
        "max_tokens_per_run",
        "max_steps",
        "max_candidates",
        "temperature",
        "timeout",
        "local_timeout",
        "connect_timeout",
        "deadline",
        "max_retries",
        "max_retry_wait",
        "output_mode",
        "tools",
        "model_authority",
        "local_threads",
        "prices",
    }
)
DEBUG_VAR = "DEBUGAI_DEBUG"


def debug_enabled(env: Mapping[str, str] | None = None) -> bool:
    """DEBUGAI_DEBUG set to anything but "" or "0": show internal tracebacks. Parsed only here."""
    env = os.environ if env is None else env
    return env.get(DEBUG_VAR, "") not in ("", "0")


class Price(BaseModel):
    """USD per million tokens."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    input: float = Field(ge=0)
    output: float = Field(ge=0)


# List prices at the time of writing, for an estimate only; override with
# `[tool.debugai.prices."<model>"] input = ..., output = ...`.
DEFAULT_PRICES: dict[str, Price] = {
    "gpt-4o": Price(input=2.50, output=10.00),
    "gpt-4o-mini": Price(input=0.15, output=0.60),
    "gpt-4.1": Price(input=2.00, output=8.00),
    "gpt-4.1-mini": Price(input=0.40, output=1.60),
    "gpt-4.1-nano": Price(input=0.10, output=0.40),
}


def engine_name(value: str) -> EngineName:
    """`value` as an engine name; UsageError naming the choices when it is none of them."""
    if value in get_args(EngineName):
        return cast(EngineName, value)
    choices = ", ".join(get_args(EngineName))
    raise UsageError(f"unknown engine {value!r}: choose one of {choices}")


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """The user cache dir: $XDG_CACHE_HOME/debugai, else ~/.cache/debugai."""
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "debugai"


class Config(BaseModel):
    """The effective settings of one debugai run."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    engine: EngineName = "auto"
    api_key: SecretStr | None = None
    base_url: str | None = None
    model: str | None = None
    local_model: str | None = Field(
        default=None,
        description="a known model name (see `debugai.agent.llm.local.MODELS`) or a .gguf path",
    )
    local_port: int | None = Field(default=None, ge=1, le=65535)
    local_threads: int = Field(default=2, ge=1)
    # Budgets: the packed context, one answer, and everything one run may spend.
    context_budget: int = Field(default=8000, ge=256)
    max_output_tokens: int = Field(default=1024, ge=16)
    max_tokens_per_run: int = Field(default=30000, ge=512)
    max_steps: int = Field(default=6, ge=1, description="model turns, tool rounds included")
    max_candidates: int = Field(default=5, ge=1)
    temperature: float = Field(default=0.0, ge=0, le=2)
    # Time: per request, connecting, retries and the longest Retry-After worth waiting for.
    timeout: float = Field(default=60.0, gt=0)
    local_timeout: float = Field(
        default=300.0, gt=0, description="per request to a local model on this CPU"
    )
    connect_timeout: float = Field(default=5.0, gt=0)
    deadline: float = Field(
        default=300.0, gt=0, description="seconds one run may spend on the model, all turns"
    )
    max_retries: int = Field(default=3, ge=0)
    max_retry_wait: float = Field(default=30.0, ge=0)
    output_mode: OutputMode = "auto"
    tools: ToolMode = "auto"
    model_authority: Authority = "auto"
    cache: bool = True
    redact: bool = True
    run_log: bool = True
    dump_request: Path | None = None
    cache_dir: Path = Field(default_factory=default_cache_dir)
    # DEBUGAI_DEBUG: internal errors raise with their traceback instead of becoming one line.
    debug: bool = False
    prices: dict[str, Price] = Field(default_factory=lambda: dict(DEFAULT_PRICES))
    # Where each field came from ("default" | "env" | "pyproject" | "flag"), for `debugai config`.
    sources: dict[str, str] = Field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def model_configured(self) -> bool:
        """True when some model can be reached: a remote endpoint/key or a local GGUF."""
        return bool(self.local_model or self.api_key or self.base_url)

    @property
    def cache_dir_chosen(self) -> bool:
        """True when the user pointed cache_dir somewhere (DEBUGAI_CACHE_DIR or an option)."""
        return self.sources.get("cache_dir") in ("env", "flag")

    @property
    def key(self) -> str | None:
        """The raw API key, for the HTTP client only."""
        return self.api_key.get_secret_value() if self.api_key else None

    def price_for(self, model: str | None) -> Price | None:
        """The price entry for a model: exact name, else the longest matching prefix."""
        if not model:
            return None
        if model in self.prices:
            return self.prices[model]
        best = max((name for name in self.prices if model.startswith(name)), key=len, default=None)
        return self.prices[best] if best else None

    def masked(self) -> dict[str, Any]:
        """The config as plain data with the key masked, safe to print or log."""
        data = self.model_dump(mode="json", exclude={"sources", "warnings", "api_key"})
        data = {"api_key": mask_secret(self.key), **data}
        return data

    def with_overrides(self, **flags: Any) -> Config:
        """A copy with CLI-style overrides applied (None means the flag was not given)."""
        given = {k: v for k, v in flags.items() if v is not None}
        if not given:
            return self
        merged = {**self.model_dump(exclude={"sources", "warnings"}), **given}
        sources = {**self.sources, **dict.fromkeys(given, "flag")}
        return _build(merged, sources, list(self.warnings), origin="flag")


def mask_secret(value: str | None) -> str | None:
    """`sk-abc…wxyz` style: enough to recognise a key, never enough to use it."""
    if not value:
        return None
    if len(value) <= 12:
        return "*" * len(value)
    return f"{value[:3]}…{value[-4:]}"


def load_config(
    repo: str | Path | None = None,
    *,
    flags: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
) -> Config:
    """Merge defaults, environment, `[tool.debugai]` of repo/pyproject.toml and flags."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {"cache_dir": default_cache_dir(env)}
    sources: dict[str, str] = {}
    warnings: list[str] = []
    for var, name in ENV_VARS.items():
        if env.get(var):
            values[name] = env[var]
            sources[name] = "env"
    if debug_enabled(env):
        values["debug"] = True
        sources["debug"] = "env"
    if repo is not None:
        for name, value in _read_pyproject(Path(repo), warnings).items():
            values[name] = value
            sources[name] = "pyproject"
    for name, value in (flags or {}).items():
        if value is not None:
            values[name] = value
            sources[name] = "flag"
    return _build(values, sources, warnings, origin="flag")


def is_loopback(url: str) -> bool:
    """True when url names this machine: an IP-literal loopback address or `localhost`."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name such as 127.attacker.example resolves wherever its owner likes


def _read_pyproject(repo: Path, warnings: list[str]) -> dict[str, Any]:
    path = repo / "pyproject.toml"
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    section = data.get("tool", {}).get("debugai", {})
    if not isinstance(section, dict):
        raise UsageError(f"{path}: [tool.debugai] must be a table")
    out: dict[str, Any] = {}
    known = set(Config.model_fields) - {"sources", "warnings"}
    ignored = []
    for raw_name, value in section.items():
        name = raw_name.replace("-", "_")
        if name in known and name not in FROM_REPO:
            ignored.append(raw_name)
        elif name == "prices" and isinstance(value, dict):
            out["prices"] = {**DEFAULT_PRICES, **value}
        elif name in known:
            out[name] = value
        # Other tools of the suite (indexer, CI bot) read their own keys from the same table.
    if ignored:
        warnings.append(
            f"{path.name}: ignored [tool.debugai] {', '.join(ignored)}: a repository may choose "
            "the model name and budgets, never where code is sent, redaction, logging, the "
            "engine or the key (set those in the environment or with options)"
        )
    return out


def _build(
    values: dict[str, Any], sources: dict[str, str], warnings: list[str], *, origin: str
) -> Config:
    for name in Config.model_fields:
        sources.setdefault(name, "default")
    sources.pop("sources", None)
    sources.pop("warnings", None)
    try:
        return Config(**values, sources=sources, warnings=tuple(warnings))
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "config"
        where = sources.get(str(err["loc"][0]) if err["loc"] else "", origin)
        where_text = {
            "env": "environment",
            "pyproject": "pyproject.toml [tool.debugai]",
            "flag": "option",
        }.get(where, where)
        raise UsageError(f"invalid setting {field} ({where_text}): {err['msg']}") from None
