"""Tracebacks inside JSON: log lines (structlog, python-json-logger) and Sentry event exports."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from debugai.agent.traceback.blocks import Block
from debugai.agent.traceback.model import ExceptionRecord, Frame, Trace

MAX_JSON_CHARS = 64 << 20
MAX_DEPTH = 12
_TEXT_KEYS = ("exception", "exc_info", "exc_text", "traceback", "stack_trace", "stacktrace",
              "error.stack", "stack", "exc", "error")  # fmt: skip

ParseText = Callable[[str], list[Trace]]


def traces_from_json(doc: Any, line: int, parse_text: ParseText) -> list[Trace]:
    """Every traceback a decoded JSON document carries, Sentry-style or as text."""
    out: list[Trace] = []
    for kind, node in _walk(doc, 0):
        if kind == "sentry":
            trace = _sentry(node)
        elif kind == "structlog":
            trace = _structlog(node)
        else:
            found = parse_text(node)
            for t in found:
                t.format = "json-log"
                t.start_line = line
                t.end_line = line
            out.extend(found)
            continue
        if trace is not None:
            trace.start_line = trace.end_line = line
            out.append(trace)
    return out


def _walk(node: Any, depth: int) -> Iterator[tuple[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, dict):
        exc = node.get("exception")
        if isinstance(exc, dict) and isinstance(exc.get("values"), list):
            yield "sentry", exc["values"]
            return
        if node.get("type") == "exception" and isinstance(node.get("data"), dict):
            values = node["data"].get("values")
            if isinstance(values, list):
                yield "sentry", values
                return
        if isinstance(exc, list) and exc and isinstance(exc[0], dict) and "exc_type" in exc[0]:
            yield "structlog", exc
            return
        for key, value in node.items():
            if isinstance(value, str) and (
                "Traceback (" in value or (key in _TEXT_KEYS and 'File "' in value)
            ):
                yield "text", value
            elif isinstance(value, (dict, list)):
                yield from _walk(value, depth + 1)
    elif isinstance(node, list):
        for item in node[:1000]:
            yield from _walk(item, depth + 1)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _sentry(values: list[Any]) -> Trace | None:
    """Sentry's `exception.values`: oldest first, each with frames outermost first."""
    chain: list[ExceptionRecord] = []
    for value in values:
        if not isinstance(value, dict):
            continue
        etype = _str(value.get("type")) or ""
        module = _str(value.get("module"))
        if module and module not in ("builtins", "__main__") and "." not in etype:
            etype = f"{module}.{etype}"
        stack = value.get("stacktrace") or {}
        frames: list[Frame] = []
        raw_frames = stack.get("frames") if isinstance(stack, dict) else None
        for f in raw_frames if isinstance(raw_frames, list) else []:
            if not isinstance(f, dict):
                continue
            file = _str(f.get("abs_path")) or _str(f.get("filename")) or _str(f.get("module"))
            source = _str(f.get("context_line"))
            frames.append(
                Frame(
                    file=file or "<unknown>",
                    line=_int(f.get("lineno")),
                    function=_str(f.get("function")),
                    source=source.strip() if source else None,
                )
            )
        chain.append(
            ExceptionRecord(type=etype, message=_str(value.get("value")) or "", frames=frames)
        )
    if not chain:
        return None
    for earlier in chain[:-1]:
        # Sentry does not keep the cause/context distinction; __cause__ is the common case.
        earlier.relation = "cause"
    return Trace(chain=chain, format="sentry")


def _structlog(values: list[Any]) -> Trace | None:
    """structlog's dict_tracebacks: a list of {exc_type, exc_value, frames}, oldest first."""
    chain: list[ExceptionRecord] = []
    for value in values:
        if not isinstance(value, dict):
            continue
        frames = [
            Frame(
                file=_str(f.get("filename")) or "<unknown>",
                line=_int(f.get("lineno")),
                function=_str(f.get("name")),
                source=(_str(f.get("line")) or "").strip() or None,
            )
            for f in value.get("frames") or []
            if isinstance(f, dict)
        ]
        chain.append(
            ExceptionRecord(
                type=_str(value.get("exc_type")) or "",
                message=_str(value.get("exc_value")) or "",
                frames=frames,
            )
        )
    if not chain:
        return None
    # structlog lists the raised exception first and its causes after it.
    chain.reverse()
    for earlier in chain[:-1]:
        earlier.relation = "cause"
    return Trace(chain=chain, format="json-log")


class JsonDocBlock(Block):
    """A pretty-printed JSON document (a Sentry export) collected up to its closing brace."""

    def __init__(self, start_line: int) -> None:
        self.start_line = start_line
        self.lines: list[str] = []
        self.size = 0
        self.closed = False
        self.overflow = False

    def feed(self, line: str) -> bool:
        if self.closed:
            return False
        self.lines.append(line)
        self.size += len(line) + 1
        if self.size > MAX_JSON_CHARS:
            self.overflow = True
            self.closed = True
        elif line.startswith("}") and len(self.lines) > 1:
            self.closed = True
        return True

    def decode(self) -> Any:
        if self.overflow:
            return None
        try:
            return json.loads("\n".join(self.lines))
        except (ValueError, RecursionError):
            return None

    def finish(self, end_line: int) -> list[Trace]:  # pragma: no cover - the scanner decodes
        return []
