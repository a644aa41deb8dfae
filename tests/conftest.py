"""Suite-wide hygiene: nothing a test does lands in the user's home, and nothing is installed.

Before any test runs, HOME, XDG_CACHE_HOME and DEBUGAI_CACHE_DIR point into one temporary
folder (removed afterwards) and pip is told it has no index. The real-model tests (marker
`model`) are opt-in: `pytest --run-model` or DEBUGAI_TEST_MODEL=1; they read the model a user
installed (`python scripts/install_local_model.py`) from the real cache, and never write there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The user's real places, captured before the redirection below (the model tests read from them).
REAL_HOME = Path.home()
REAL_ENV = {
    k: os.environ[k] for k in ("HOME", "XDG_CACHE_HOME", "DEBUGAI_CACHE_DIR") if k in os.environ
}
OPT_IN_ENV = "DEBUGAI_TEST_MODEL"
_SANDBOX: Path | None = None


@pytest.fixture(scope="session")
def sandbox() -> Path:
    """The temporary folder standing in for the user's home and caches during this run."""
    assert _SANDBOX is not None, "conftest.pytest_configure has not run"
    return _SANDBOX


@pytest.fixture(scope="session")
def real_home() -> Path:
    return REAL_HOME


@pytest.fixture(scope="session")
def real_cache_dir() -> Path:
    """Where the user's own debugai cache is (the installed local model lives under it)."""
    if REAL_ENV.get("DEBUGAI_CACHE_DIR"):
        return Path(REAL_ENV["DEBUGAI_CACHE_DIR"]).expanduser()
    base = REAL_ENV.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else REAL_HOME / ".cache"
    return root / "debugai"


def model_tests_enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("--run-model")) or os.environ.get(OPT_IN_ENV, "") not in ("", "0")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-model",
        action="store_true",
        default=False,
        help="also run the real-model tests (marker `model`; needs the local model installed)",
    )


def pytest_configure(config: pytest.Config) -> None:
    global _SANDBOX
    _SANDBOX = Path(tempfile.mkdtemp(prefix="debugai-tests-")).resolve()
    home, cache = _SANDBOX / "home", _SANDBOX / "cache"
    home.mkdir()
    cache.mkdir()
    os.environ["HOME"] = str(home)
    os.environ["XDG_CACHE_HOME"] = str(cache)
    os.environ["DEBUGAI_CACHE_DIR"] = str(cache / "debugai")
    # Belt and braces: a pip that slipped into a test finds no index, so it installs nothing.
    os.environ["PIP_NO_INDEX"] = "1"
    os.environ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"


def pytest_unconfigure(config: pytest.Config) -> None:
    if _SANDBOX is not None:
        shutil.rmtree(_SANDBOX, ignore_errors=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if model_tests_enabled(config):
        return
    skip = pytest.mark.skip(
        reason=f"real-model test: opt in with `pytest --run-model` (or {OPT_IN_ENV}=1)"
    )
    for item in items:
        if item.get_closest_marker("model") is not None:
            item.add_marker(skip)
