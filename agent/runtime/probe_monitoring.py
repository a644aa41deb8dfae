"""The probe's sys.monitoring back-end (Python 3.12+), copied as `_debugai_probe_monitoring.py`
beside `_debugai_probe.py` (agent/runtime/probe.py), which it records into. Like the probe it
imports nothing from debugai: it runs in the re-run command's own Python.
"""

from __future__ import annotations

import sys
from typing import Any


def start(probe: Any) -> dict[str, Any]:
    """Start sys.monitoring for `probe` (the probe module); {} when no tool id is free."""
    mon = sys.monitoring  # type: ignore[attr-defined,unused-ignore]
    tool = next((t for t in (4, 3, 5, 2) if mon.get_tool(t) is None), None)
    if tool is None:
        return {}
    mon.use_tool_id(tool, "debugai")
    ev = mon.events
    disable = mon.DISABLE
    lines_of: dict[Any, dict[int, int]] = {}
    state = probe._state

    def on_start(code: Any, offset: int) -> Any:
        rel = probe._rel(code.co_filename)
        if rel is None:
            return disable
        if state["paused"]:
            return None  # seen again when recording resumes
        probe._state["current"].funcs.add(
            (rel, code.co_firstlineno, getattr(code, "co_qualname", code.co_name))
        )
        if code not in lines_of:
            lines_of[code] = {}
            mon.set_local_events(tool, code, ev.LINE | ev.PY_RETURN)
        return None

    def on_line(code: Any, line: int) -> Any:
        if state["paused"]:
            return None
        probe._state["current"].lines.add((probe._repo_cache[code.co_filename], line))
        return disable  # once per test: restart_events() re-arms it when the next test begins

    def on_return(code: Any, offset: int, value: Any) -> Any:
        table = lines_of.get(code)
        if table is None or state["paused"]:
            return None
        line = table.get(offset)
        if line is None:
            line = table[offset] = next(
                (ln for s, e, ln in code.co_lines() if s <= offset < e and ln), code.co_firstlineno
            )
        frame = sys._getframe(1)
        probe._record_return(code, line, value, frame.f_back if frame.f_code is code else None)
        return None

    mon.register_callback(tool, ev.PY_START, on_start)
    mon.register_callback(tool, ev.LINE, on_line)
    mon.register_callback(tool, ev.PY_RETURN, on_return)
    mon.set_events(tool, ev.PY_START)
    return {"mon": mon, "tool": tool}
