"""The layering the import contract states, seen from a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys


def _loaded_after(statement: str) -> list[str]:
    code = f"{statement}; import sys; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_the_indexer_loads_no_agent_module() -> None:
    assert [
        m for m in _loaded_after("import debugai.indexers") if m.startswith("debugai.agent")
    ] == []


def test_reading_a_traceback_loads_no_engine_nor_front_end() -> None:
    loaded = _loaded_after("import debugai.agent.traceback")
    heavy = ("debugai.agent.static", "debugai.agent.llm", "debugai.agent.chat", "debugai.agent.ci")
    assert [m for m in loaded if m.startswith(heavy) or m in ("typer", "rich", "openai")] == []


def test_the_library_reads_no_environment_variable() -> None:
    """Config is loaded by the front end and passed in: agent/ and indexers/ never read env."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    reads = []
    for folder in ("agent", "indexers"):
        for path in sorted((root / folder).rglob("*.py")):
            if path == root / "agent/runtime/probe.py":
                continue  # runs inside the re-run command's process: env is its only channel
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                hit = (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "os"
                    and node.attr in ("environ", "getenv", "environb", "putenv")
                ) or (
                    isinstance(node, ast.ImportFrom)
                    and node.module == "os"
                    and any(a.name in ("environ", "getenv") for a in node.names)
                )
                if hit:
                    reads.append(f"{path.relative_to(root)}:{node.lineno}")
    assert reads == []
