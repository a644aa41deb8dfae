"""The read-only tools the model may call, confined to the repository root.

read_span, find_symbol, callers, callees, search_code, env_reads. Paths are repo-relative:
absolute paths, `..` components and symlinks that resolve outside the root are refused, and so
are secret files (`.env*`, keys). Nothing here writes, executes or touches the network; a tool
error is a line of text for the model, never an exception.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from debugai.agent.llm.prompts import load_tool_specs
from debugai.agent.redact import is_secret_file

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex

MAX_FILE_BYTES = 1_000_000
# Besides the indexed Python files, the tools read only these plain-text kinds (docs, build and
# dependency files); never configuration or data files, where credentials live.
TEXT_SUFFIXES = (".md", ".rst", ".txt", ".toml", ".cfg")
_DRIVE = re.compile(r"^[A-Za-z]:")


class PathRefused(Exception):
    """A path that would leave the repository or expose a secret file."""


@dataclass(slots=True)
class ToolResult:
    name: str
    arguments: dict[str, Any]
    text: str
    ok: bool = True
    refused: bool = False  # a confinement refusal, counted in the diagnosis notes


@dataclass
class ToolBox:
    """The tools over one index; each call's result is logged."""

    index: CodeIndex
    max_chars: int = 4000
    max_lines: int = 80
    max_hits: int = 25
    log: list[ToolResult] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return Path(self.index.root).resolve()

    @property
    def refused(self) -> int:
        return sum(r.refused for r in self.log)

    def specs(self) -> list[dict[str, Any]]:
        """OpenAI function-tool specs, from prompts/llm_tools.toml."""
        return [
            {
                "type": "function",
                "function": {
                    "name": name,
                    "description": spec["description"],
                    "parameters": spec["parameters"],
                },
            }
            for name, spec in load_tool_specs().items()
        ]

    def describe(self) -> str:
        """One line per tool with its arguments, for the plain prompt loop."""
        lines = []
        for name, spec in load_tool_specs().items():
            props = spec["parameters"].get("properties", {})
            args = ", ".join(f"{k}: {v.get('type', 'string')}" for k, v in props.items())
            lines.append(f"- {name}({args}): {spec['description']}")
        return "\n".join(lines)

    def call(self, name: str, arguments: str | dict[str, Any]) -> ToolResult:
        """Run one tool; bad names or arguments come back as an error text."""
        args: Any = arguments
        if isinstance(arguments, str):
            try:
                args = json.loads(arguments or "{}")
            except ValueError:
                return self._done(
                    ToolResult(name, {}, "error: arguments are not valid JSON", ok=False)
                )
        if not isinstance(args, dict):
            return self._done(
                ToolResult(name, {}, "error: arguments must be a JSON object", ok=False)
            )
        specs = load_tool_specs()
        fn = getattr(self, f"tool_{name}", None) if name in specs else None
        if fn is None:
            return self._done(ToolResult(name, args, f"error: no tool named {name!r}", ok=False))
        wrong = _argument_errors(specs[name]["parameters"], args)
        if wrong:
            return self._done(
                ToolResult(name, args, f"error: bad arguments for {name}: {wrong}", ok=False)
            )
        try:
            text = fn(**args)
        except PathRefused as exc:
            return self._done(ToolResult(name, args, f"refused: {exc}", ok=False, refused=True))
        except TypeError:
            return self._done(ToolResult(name, args, f"error: bad arguments for {name}", ok=False))
        except (ValueError, OverflowError, OSError) as exc:
            return self._done(ToolResult(name, args, f"error: {exc}", ok=False))
        if len(text) > self.max_chars:
            text = text[: self.max_chars] + "\n… (truncated)"
        return self._done(ToolResult(name, args, text))

    def _done(self, result: ToolResult) -> ToolResult:
        self.log.append(result)
        return result

    # -- confinement ------------------------------------------------------------------------------

    def safe_path(self, file: str) -> str:
        """The repo-relative POSIX path for file, or PathRefused."""
        if not isinstance(file, str) or not file.strip() or "\x00" in file:
            raise PathRefused("empty or invalid path")
        raw = file.strip().replace("\\", "/")
        if raw.startswith(("/", "~")) or _DRIVE.match(raw):
            raise PathRefused(
                f"{file}: absolute paths are not allowed, use a path relative to the repository"
            )
        parts = PurePosixPath(raw).parts
        if ".." in parts:
            raise PathRefused(f"{file}: '..' is not allowed")
        rel = PurePosixPath(*[p for p in parts if p not in (".", "")]).as_posix()
        if is_secret_file(rel):
            raise PathRefused(f"{file}: secret files are never read")
        target = (self.root / rel).resolve()
        if not target.is_relative_to(self.root):
            raise PathRefused(f"{file}: resolves outside the repository")
        return rel

    def _lines(self, rel: str) -> list[str]:
        if rel in self.index.files:
            return list(self.index.lines(rel))
        path = self.root / rel
        if not path.is_file():
            raise ValueError(f"{rel}: no such file in the repository")
        if not rel.lower().endswith(TEXT_SUFFIXES):
            raise PathRefused(f"{rel}: only the repository's source and text files can be read")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValueError(f"{rel}: file too large")
        data = path.read_bytes()
        if b"\x00" in data[:4096]:
            raise ValueError(f"{rel}: binary file")
        return data.decode("utf-8", errors="replace").splitlines()

    # -- the tools (names after `tool_` match prompts/llm_tools.toml) ---------------------------

    def tool_read_span(self, file: str, start: int, end: int | None = None) -> str:
        rel = self.safe_path(file)
        lines = self._lines(rel)
        start = max(1, int(start))
        end = min(len(lines), int(end) if end is not None else start + self.max_lines - 1)
        end = min(end, start + self.max_lines - 1)
        if start > len(lines):
            raise ValueError(f"{rel} has {len(lines)} lines")
        body = "\n".join(f"{n:>5} | {lines[n - 1]}" for n in range(start, end + 1))
        return f"{rel}:{start}-{end}\n{body}"

    def tool_find_symbol(self, name: str) -> str:
        idx = self.index
        ids = [name] if name in idx.symbols else list(idx.resolve_name(name))[: self.max_hits]
        if not ids:
            near = list(idx.close_matches(name, n=5))
            return f"no symbol {name!r}" + (f"; close: {', '.join(near)}" if near else "")
        out = []
        for sid in ids:
            sym = idx.symbols.get(sid)
            if sym is None:
                continue
            sig = sym.signature or ""
            out.append(
                f"{sym.id} ({sym.kind}) {sym.file}:{sym.line}-{sym.end_line} {sym.name}{sig}"
            )
        return "\n".join(out) or f"no symbol {name!r}"

    def tool_callers(self, symbol: str) -> str:
        return self._edges(
            symbol,
            self.index.callers(symbol) if symbol in self.index.symbols else None,
            "called by",
        )

    def tool_callees(self, symbol: str) -> str:
        return self._edges(
            symbol, self.index.callees(symbol) if symbol in self.index.symbols else None, "calls"
        )

    def _edges(self, symbol: str, edges: list[tuple[str, int]] | None, verb: str) -> str:
        if edges is None:
            return f"no symbol {symbol!r}; use find_symbol first"
        if not edges:
            return f"{symbol} {verb}: nothing known"
        sym = self.index.symbols[symbol]
        out = []
        for other, line in edges[: self.max_hits]:
            target = self.index.symbols.get(other)
            # Call-site line is in the caller: for callers that is `other`, for callees `symbol`.
            site_file = (target.file if target else "?") if verb == "called by" else sym.file
            where = f" ({target.file}:{target.line})" if target else " (outside the repository)"
            out.append(f"{other}{where}, call at {site_file}:{line}")
        return f"{symbol} {verb}:\n" + "\n".join(out)

    def tool_search_code(self, text: str) -> str:
        if not isinstance(text, str) or len(text.strip()) < 2:
            raise ValueError("search text must be at least 2 characters")
        hits = []
        for rel in sorted(self.index.files):
            if is_secret_file(rel):
                continue
            for n, line in enumerate(self.index.lines(rel), start=1):
                if text in line:
                    hits.append(f"{rel}:{n}: {line.strip()[:160]}")
                    if len(hits) >= self.max_hits:
                        return "\n".join(hits) + "\n… (more matches not shown)"
        return "\n".join(hits) or f"no match for {text!r}"

    def tool_env_reads(self, var: str | None = None) -> str:
        reads = [r for r in self.index.env_reads if var is None or var.lower() in r.var.lower()]
        out = [
            f"{r.file}:{r.line} {r.symbol} reads {r.var} via {r.how}"
            + (f" (default {r.default})" if r.default else "")
            for r in reads[: self.max_hits]
        ]
        return "\n".join(out) or "no environment reads" + (f" matching {var!r}" if var else "")


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
}


def _argument_errors(schema: dict[str, Any], args: dict[str, Any]) -> str:
    """What is wrong with args against the tool's JSON schema ('' when nothing): a model may
    send `{"var": 5}` for a string, and that must come back to it as an error, not crash."""
    props = schema.get("properties") or {}
    problems = []
    for key, value in list(args.items()):
        spec = props.get(key)
        if spec is None:
            problems.append(f"unknown argument {key!r}")
            continue
        kind = str(spec.get("type"))
        if kind == "integer" and isinstance(value, str) and value.strip().isdigit():
            args[key] = value = int(value)  # "12" for 12: what small models write
        types = _JSON_TYPES.get(kind, ())
        bad_bool = isinstance(value, bool) and kind in ("integer", "number")
        optional = value is None and key not in (schema.get("required") or ())
        if not optional and types and (not isinstance(value, types) or bad_bool):
            problems.append(f"{key} must be a {kind}, not {type(value).__name__}")
    return "; ".join(problems)
