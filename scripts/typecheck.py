"""Run mypy --strict (pyproject [tool.mypy]) on the package as it is installed (`debugai.agent` is `agent/`, ...).

The folders live at the repo root but import as `debugai.*`, which mypy cannot see from the
source tree; a throwaway view of symlinks gives it the installed layout.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPPED = {"agent": "agent", "indexers": "indexers", "prompts": "prompts", "evals": "evals"}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="debugai-mypy-") as tmp:
        pkg = Path(tmp) / "debugai"
        pkg.mkdir()
        for entry in (ROOT / "debugai").iterdir():
            if entry.name != "__pycache__":
                (pkg / entry.name).symlink_to(entry)
        for name, folder in MAPPED.items():
            (pkg / name).symlink_to(ROOT / folder)
        cmd = [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            str(pkg),
        ]
        return subprocess.call(cmd, cwd=tmp)


if __name__ == "__main__":
    sys.exit(main())
