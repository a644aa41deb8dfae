"""action.yml and docs/ci.md only use options `debugai ci` really has."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

import debugai.cli  # noqa: F401  (registers the commands)
from debugai.agent.ci.forge import MARKER
from debugai.cli_app import app

ROOT = Path(__file__).resolve().parents[2]


def ci_options() -> set[str]:
    group = typer.main.get_command(app)
    command = group.commands["ci"]  # type: ignore[attr-defined]
    return {opt for p in command.params for opt in getattr(p, "opts", []) if opt.startswith("--")}


def test_action_passes_only_real_options_and_uses_every_input() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", text.split("runs:", 1)[1]))
    cli_flags = {u for u in used if u not in ("--disable-pip-version-check",)}
    assert cli_flags and cli_flags <= ci_options(), cli_flags - ci_options()
    inputs_block = text.split("inputs:", 1)[1].split("runs:", 1)[0]
    declared = re.findall(r"^  ([a-z][a-z-]*):\s*$", inputs_block, re.M)
    assert len(declared) >= 8
    for name in declared:
        assert f"inputs.{name} }}" in text, f"input {name} is declared but never used"


def test_docs_commands_use_real_options() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if "debugai ci" in ln or ln.startswith("           [")]
    flags = {f for ln in lines for f in re.findall(r"(?<![\w-])--[a-z][a-z-]+", ln)}
    assert {
        "--repo",
        "--engine",
        "--max-failures",
        "--fail-on-error",
        "--sarif",
        "--dry-run",
    } <= flags
    assert flags <= ci_options(), flags - ci_options()
    assert MARKER in text
