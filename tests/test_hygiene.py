"""The default `pytest` writes nothing outside temporary folders and installs nothing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from llm_fixtures import make_repo

from debugai.agent.pipeline import index_options
from debugai.config import default_cache_dir, load_config

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


def _inside(path: Path, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())


def test_home_and_caches_point_into_the_sandbox(sandbox: Path, real_home: Path) -> None:
    places = {
        "HOME": Path(os.environ["HOME"]),
        "XDG_CACHE_HOME": Path(os.environ["XDG_CACHE_HOME"]),
        "DEBUGAI_CACHE_DIR": Path(os.environ["DEBUGAI_CACHE_DIR"]),
        "Path.home()": Path.home(),
        "expanduser('~')": Path(os.path.expanduser("~")),
        "default_cache_dir()": default_cache_dir(),
        "load_config().cache_dir": load_config().cache_dir,
        "the index cache": index_options(Path("/some/repo"), load_config()).cache_dir,
    }
    for name, path in places.items():
        assert path is not None, name
        assert _inside(path, sandbox), f"{name} is {path}, outside the test sandbox {sandbox}"
        assert not _inside(path, real_home) or _inside(real_home, sandbox), name
    assert os.environ["PIP_NO_INDEX"] == "1"


def test_a_default_explain_writes_only_into_the_sandbox(tmp_path: Path, sandbox: Path) -> None:
    from debugai.api import explain

    repo = make_repo(tmp_path / "repo")
    config = load_config(repo.root)
    diag = explain(repo.trace, repo.root, engine="static", config=config)
    assert diag.root_cause is not None
    assert _inside(config.cache_dir, sandbox)


def test_no_test_module_runs_pip_install() -> None:
    """Packages come from `pip install -e ".[dev]"`, as the README says, never from a test."""
    pip = re.compile(r"""["']pip["']\s*,\s*["']install["']|-m pip install""")
    offenders = [
        str(p.relative_to(ROOT))
        for p in TESTS.rglob("*.py")
        if p.name != Path(__file__).name and pip.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_default_run_leaves_the_real_home_untouched(tmp_path: Path) -> None:
    """Run part of the suite as a user with an empty home: it must stay empty afterwards."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("XDG_CACHE_HOME", "DEBUGAI_CACHE_DIR", "DEBUGAI_TEST_MODEL")
        and not k.startswith(("OPENAI_", "PYTEST_"))
    }
    env["HOME"] = str(home)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/llm/test_local_model.py",
            "tests/test_hygiene.py",
            "-k",
            "not leaves_the_real_home",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "3 skipped" in proc.stdout, proc.stdout[-2000:]  # the model tests, not opted in
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert written == [], f"the suite wrote into the user's home: {written[:10]}"
