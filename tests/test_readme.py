"""The README's first two commands are the ones CI runs, so they stay true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block, "README must open with a bash block of set-up commands"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_install_and_test_commands() -> None:
    cmds = readme_commands()
    assert len(cmds) == 2
    assert "pip install" in cmds[0] and "debugai " in cmds[0]
    assert "pip install" in cmds[1] and cmds[1].rstrip().endswith("pytest")


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for cmd in readme_commands():
        # CI may quieten pip; everything else is the README's text.
        assert cmd.replace("pip install ", "pip install -q ") in ci, cmd


def test_readme_example_exists() -> None:
    first = readme_commands()[0]
    for path in re.findall(r"examples/\S+", first):
        assert (ROOT / path).exists(), path
