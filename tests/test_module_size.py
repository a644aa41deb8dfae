"""No module over 500 lines: a module that big holds more than one responsibility."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 500
CODE = ("agent", "indexers", "debugai", "evals", "prompts", "scripts", "bench", "tests")
# Folders of sample projects (eval cases, call-graph fixtures), not debugai's own code.
DATA = ("evals/cases", "evals/holdout", "evals/real", "tests/callgraph_cases", "tests/corpus")


def modules() -> list[Path]:
    found = []
    for folder in CODE:
        for path in (ROOT / folder).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if not rel.startswith(DATA):
                found.append(path)
    return found


def test_no_module_is_over_500_lines() -> None:
    sizes = {
        p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in modules()
    }
    assert len(sizes) > 100  # the walk found the code
    over = {rel: n for rel, n in sizes.items() if n > MAX_LINES}
    assert over == {}, f"split these by responsibility: {over}"
