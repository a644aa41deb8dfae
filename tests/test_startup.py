"""`debugai --help` loads only the CLI: the engine, the indexer and their heavy libraries are
imported by the command that needs them (issue 18; the timings themselves are in bench/)."""

from __future__ import annotations

import json
import subprocess
import sys

# Heavy at import, and needed by no help text. rich is absent from the list for `--help`
# because typer's own help formatter draws with it; it is checked after import below.
HEAVY = ("pydantic", "openai", "networkx", "tree_sitter", "detect_secrets", "httpx", "requests")
HEAVY_OURS = ("debugai.agent", "debugai.indexers", "debugai.api", "debugai.config", "debugai.evals")

_PROBE = """
import atexit, json, sys
def dump():
    sys.__stderr__.write("MODULES " + json.dumps(sorted(sys.modules)) + "\\n")
atexit.register(dump)
sys.argv = ["debugai", *{args!r}]
{body}
"""


def _modules(args: list[str], body: str) -> set[str]:
    code = _PROBE.format(args=args, body=body)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    lines = [x for x in proc.stderr.splitlines() if x.startswith("MODULES ")]
    assert lines, proc.stderr
    return set(json.loads(lines[-1][len("MODULES ") :]))


def _heavy(mods: set[str]) -> list[str]:
    return sorted(
        m
        for m in mods
        if m.split(".")[0] in HEAVY or any(m == h or m.startswith(h + ".") for h in HEAVY_OURS)
    )


def test_help_does_not_import_the_engine() -> None:
    mods = _modules(["--help"], "from debugai.cli import main\nmain()")
    assert "debugai.commands.explain" in mods  # the commands were registered: help lists them
    assert _heavy(mods) == []


def test_command_help_does_not_import_the_engine() -> None:
    mods = _modules(["explain", "--help"], "from debugai.cli import main\nmain()")
    # typer coerces parameters through pydantic; nothing of ours beyond the CLI loads.
    assert [m for m in _heavy(mods) if m.split(".")[0] != "pydantic"] == []


def test_importing_the_cli_loads_no_rich() -> None:
    mods = _modules([], "import debugai.cli")
    assert sorted(m for m in mods if m.split(".")[0] == "rich") == []
    assert _heavy(mods) == []


def test_commands_still_run_after_lazy_imports() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "debugai", "version"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("debugai ")
