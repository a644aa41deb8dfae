"""Where a project sets its environment variables: config files, compose files, test setup."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from debugai.agent.static.steps import similar

if TYPE_CHECKING:
    from debugai.agent.static.state import State

TEXT_CONFIG_FILES = (".env", ".env.example", ".env.sample", ".flaskenv")

TEXT_CONFIG_SUFFIXES = (".env", ".ini", ".cfg", ".toml", ".yaml", ".yml", ".conf")


def config_texts(an: State) -> list[tuple[str, int, str]]:
    """(file, line, text) of small non-Python config files at the repo's top levels."""
    out: list[tuple[str, int, str]] = []
    root = an.index.root
    for path in sorted(root.glob("*")) + sorted(root.glob("*/*")):
        name = path.name
        if ".venv" in path.parts or "node_modules" in path.parts or not path.is_file():
            continue
        if not (
            name in TEXT_CONFIG_FILES
            or name.startswith(".env")
            or path.suffix in TEXT_CONFIG_SUFFIXES
            or name.startswith("requirements")
            or name in ("Dockerfile", "Procfile")
        ):
            continue
        try:
            if path.stat().st_size > 200_000:
                continue
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        rel = path.relative_to(root).as_posix()
        out.extend((rel, i + 1, t) for i, t in enumerate(lines))
    return out


# `NAME=value` (.env), `NAME: value` (compose, YAML), `- NAME=value` (compose lists).
_SET_IN_TEXT = re.compile(r"^\s*(?:-\s*)?(?:export\s+)?([A-Z][A-Z0-9_]{2,})\s*[=:]")
# os.environ["X"] = ..., os.environ.setdefault("X", ...), monkeypatch.setenv("X", ...)
_SET_IN_PYTHON = re.compile(
    r"""environ\[\s*["']([A-Z][A-Z0-9_]{2,})["']\s*\]\s*=(?!=)"""
    r"""|\b(?:setdefault|setenv|putenv)\(\s*["']([A-Z][A-Z0-9_]{2,})["']"""
)


def env_names_set(an: State) -> dict[str, str]:
    """Each environment variable the project sets, with the first file that sets it."""
    found: dict[str, str] = {}
    for file, _line, text in config_texts(an):
        m = _SET_IN_TEXT.match(text)
        if m:
            found.setdefault(m.group(1), file)
    for file in sorted(an.index.files):
        if not file.endswith(".py"):
            continue
        for text in an.index.lines(file):
            if "environ" not in text and "env(" not in text:
                continue
            for a, b in _SET_IN_PYTHON.findall(text):
                found.setdefault(a or b, file)
    return found


def env_similar(an: State, var: str) -> tuple[list[str], str]:
    """Names like `var` that the project sets or reads, and the sentence that suggests one."""
    where = env_names_set(an)
    if var in where:
        return [], ""
    pool = [*where, *(r.var for r in an.index.env_reads)]
    close = similar(var, pool)
    if not close:
        return [], ""
    place = f" (set in {where[close[0]]})" if close[0] in where else ""
    return close, f"Did you mean `{close[0]}`{place}?"
