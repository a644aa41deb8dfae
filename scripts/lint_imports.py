"""Check the import contract of pyproject.toml ([tool.importlinter]) on the installed layout.

import-linter walks a package's folder, and `debugai.agent` lives in agent/ beside `debugai/`:
a throwaway copy of the sources arranged as they install gives it the real module names.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPPED = {"debugai": "", "agent": "agent", "indexers": "indexers", "prompts": "prompts"}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="debugai-imports-") as tmp:
        pkg = Path(tmp) / "debugai"
        for folder, name in MAPPED.items():
            shutil.copytree(
                ROOT / folder, pkg / name, ignore=shutil.ignore_patterns("__pycache__", "*.scm")
            )
        # evals: only its own modules (the cases are projects, not part of the package).
        (pkg / "evals").mkdir()
        for module in (ROOT / "evals").glob("*.py"):
            shutil.copy(module, pkg / "evals" / module.name)
        env = {**os.environ, "PYTHONPATH": tmp}
        lint = Path(sys.executable).with_name("lint-imports")
        cmd = [str(lint), "--no-cache", str(ROOT / "pyproject.toml")]
        return subprocess.call(cmd, cwd=tmp, env=env)


if __name__ == "__main__":
    sys.exit(main())
