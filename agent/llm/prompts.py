"""The LLM engine's prompts: Markdown files in `prompts/` with a header naming their variables.

    ---
    name: llm_user
    version: 1
    variables: [error, frames]
    ---
    text with {{ error }} and {{ frames }}

Rendering is strict: a declared variable left unset, an undeclared one passed, or a placeholder
the header does not declare is a PromptError — a prompt never goes out half-filled.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import re
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PROMPTS_PACKAGE = "debugai.prompts"
PROMPT_SET = "llm-v1"  # bump when the prompts change meaningfully; the hash catches the rest
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_HEADER = re.compile(r"\A---\n(?P<head>.*?)\n---\n(?P<body>.*)\Z", re.S)


class PromptError(Exception):
    """A prompt file is malformed or was rendered with the wrong variables (a bug, not user input)."""


@dataclass(frozen=True, slots=True)
class Prompt:
    name: str
    version: int
    variables: tuple[str, ...]
    body: str

    def render(self, **values: Any) -> str:
        missing = [v for v in self.variables if v not in values]
        extra = [k for k in values if k not in self.variables]
        if missing or extra:
            raise PromptError(f"prompt {self.name}: missing {missing}, undeclared {extra}")
        return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), self.body).strip() + "\n"


def _parse(name: str, text: str) -> Prompt:
    m = _HEADER.match(text.replace("\r\n", "\n"))
    if not m:
        raise PromptError(f"prompt {name}: no ---/--- header listing its variables")
    try:
        head = tomllib.loads(_head_to_toml(m["head"]))
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise PromptError(f"prompt {name}: bad header: {exc}") from None
    variables = tuple(head.get("variables", []))
    used = set(_PLACEHOLDER.findall(m["body"]))
    if used != set(variables):
        raise PromptError(
            f"prompt {name}: header lists {sorted(variables)}, body uses {sorted(used)}"
        )
    return Prompt(
        name=str(head.get("name", name)),
        version=int(head.get("version", 0)),
        variables=variables,
        body=m["body"],
    )


def _head_to_toml(head: str) -> str:
    """`key: value` lines to TOML; a [a, b] list of bare names becomes a list of strings."""
    out = []
    for line in head.splitlines():
        if not line.strip():
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            items = [x.strip() for x in value[1:-1].split(",") if x.strip()]
            value = "[" + ", ".join(f'"{x}"' for x in items) + "]"
        elif not value.isdigit():
            value = f'"{value}"'
        out.append(f"{key.strip()} = {value}")
    return "\n".join(out)


@cache
def load_prompt(name: str) -> Prompt:
    """prompts/<name>.md, parsed and checked."""
    try:
        text = (
            importlib.resources.files(PROMPTS_PACKAGE)
            .joinpath(f"{name}.md")
            .read_text(encoding="utf-8")
        )
    except FileNotFoundError:
        raise PromptError(f"no prompt file prompts/{name}.md") from None
    return _parse(name, text)


@cache
def load_tool_specs() -> dict[str, dict[str, Any]]:
    """prompts/llm_tools.toml: tool name -> {description, parameters}."""
    text = (
        importlib.resources.files(PROMPTS_PACKAGE)
        .joinpath("llm_tools.toml")
        .read_text(encoding="utf-8")
    )
    tools: dict[str, dict[str, Any]] = tomllib.loads(text)["tools"]
    return tools


def prompt_names() -> list[str]:
    """Every LLM prompt file shipped (llm_*.md)."""
    root = importlib.resources.files(PROMPTS_PACKAGE)
    return sorted(
        p.name[:-3] for p in root.iterdir() if p.name.startswith("llm_") and p.name.endswith(".md")
    )


@cache
def prompt_version() -> str:
    """`llm-v1+<hash>`: the set's version plus a hash of every prompt file, recorded in the output."""
    digest = hashlib.sha256()
    root = importlib.resources.files(PROMPTS_PACKAGE)
    for name in [*(f"{n}.md" for n in prompt_names()), "llm_tools.toml"]:
        digest.update(name.encode())
        digest.update(root.joinpath(name).read_bytes())
    return f"{PROMPT_SET}+{digest.hexdigest()[:8]}"
