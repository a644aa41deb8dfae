"""The tracer that runs inside the re-run command's own Python (copied as `_debugai_probe.py`).

It must import nothing from debugai (the command runs in the project's environment, where
debugai is not installed) and run on the project's Python (3.7+): `sys.monitoring` on 3.12+,
`sys.settrace` below. It records only code under the repository root, per test when pytest
runs (its plugin, probe_pytest.py, loaded with `-p _debugai_probe_pytest`), else for the whole
script (probe_script.py: `python -m _debugai_probe_script script.py ...`), and writes one JSON
file when the process ends. The parent passes its inputs
in the environment (the only channel a child process has): DEBUGAI_PROBE_ROOT, DEBUGAI_PROBE_OUT,
DEBUGAI_PROBE_BACKEND (settrace|monitoring|auto), DEBUGAI_PROBE_FOCUS (the failing test's id).

Kept per test: the lines and functions it ran, the last MAX_RETURNS returns of repo functions
(callee, its return line, its caller's line, the value's type and a short repr of scalars), the
environment keys repo code read, and the exception with its repo frames. With a focus, only
that test's returns are kept (the evidence reads no other's), and under settrace a passing
test's frames whose lines are all seen get no local trace function at all.
"""

from __future__ import annotations

import atexit
import collections
import dis
import json
import os
import sys
import threading
import time
from typing import Any

MAX_RETURNS = 400
MAX_TESTS = 3000
MAX_REPR = 120
_SCALARS = (bool, int, float, complex, bytes, str)
_SKIP_PARTS = ("site-packages", "dist-packages", ".venv", "venv", ".tox", ".nox", "node_modules")

ROOT = os.path.realpath(os.environ.get("DEBUGAI_PROBE_ROOT", os.getcwd()))
OUT = os.environ.get("DEBUGAI_PROBE_OUT", "")
BACKEND = os.environ.get("DEBUGAI_PROBE_BACKEND", "auto")
FOCUS = os.environ.get("DEBUGAI_PROBE_FOCUS", "")
_PROBE_FILE = os.path.realpath(__file__)


class _Test:
    __slots__ = ("env", "exc", "funcs", "id", "idle", "keep", "left", "lines", "outcome",
                 "quiet", "returns")  # fmt: skip

    def __init__(self, test_id: str) -> None:
        self.id = test_id
        self.keep = _focused(test_id)  # its returns are recorded
        self.lines: set[tuple[str, int]] = set()
        self.funcs: set[tuple[str, int, str]] = set()
        self.returns: collections.deque[tuple[Any, ...]] = collections.deque(maxlen=MAX_RETURNS)
        self.env: list[list[Any]] = []
        self.exc: dict[str, Any] | None = None
        self.outcome = "running"
        # settrace only: per code object (by id, see _Code), the lines this test has not run
        # yet, and how many line events in a row brought nothing new (see _line)
        self.left: dict[int, set[int]] = {}
        self.quiet: dict[int, int] = {}
        # ids of its code objects with nothing left to record (every line seen, returns not
        # kept): _global dismisses them like code outside the repository (see _idle)
        self.idle: set[int] = set()


def _focused(test_id: str) -> bool:
    """No focus, or the focus names this test (as the trace wrote it: maybe from another dir)."""
    if not FOCUS or test_id in ("<collect>", "<script>"):
        return True
    a, b = test_id.replace(os.sep, "/"), FOCUS.replace(os.sep, "/")
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


_state: dict[str, Any] = {
    "current": _Test("<collect>"),
    "tests": [],
    "dumped": False,
    "paused": False,
}
_state["tests"].append(_state["current"])
_repo_cache: dict[str, str | None] = {}
_outside: set[str] = set()  # filenames known not to be repository code: `in` is the fast test
_idle: set[int] = _state["current"].idle  # the current test's, a global for _global's speed


def _rel(filename: str) -> str | None:
    """The repo-relative path of a code object's file, None when it is not repository code."""
    hit = _repo_cache.get(filename, "")
    if hit != "":
        return hit
    out: str | None = None
    if filename and not filename.startswith("<"):
        path = os.path.realpath(filename)
        if path.startswith(ROOT + os.sep) and path != _PROBE_FILE:
            rel = path[len(ROOT) + 1 :].replace(os.sep, "/")
            if not any(p in _SKIP_PARTS for p in rel.split("/")[:-1]):
                out = rel
    _repo_cache[filename] = out
    if out is None:
        _outside.add(filename)
    return out


def _short(value: Any) -> str | None:
    """A repr for scalars and None only: anything else would cost time and may hold secrets."""
    if value is None:
        return "None"
    if isinstance(value, _SCALARS):
        if isinstance(value, (str, bytes)) and len(value) > MAX_REPR:
            return repr(value[:MAX_REPR]) + "..."
        return repr(value)[: MAX_REPR + 3]
    if isinstance(value, (list, tuple, dict, set)) and not value:
        return repr(value)
    return None


class _Code:
    """What the probe keeps of one repository code object, looked up by id(code): a code
    object's own hash is recomputed from its contents on every lookup (bytecode, constants,
    names), too slow for a trace function that runs on every call and line."""

    __slots__ = ("bytecode", "code", "func", "module", "name", "rel", "starts")

    def __init__(self, code: Any, rel: str) -> None:
        self.code = code  # held, so its id is never reused while it is in _codes
        self.rel = rel
        self.name = getattr(code, "co_qualname", code.co_name)
        self.func = (rel, code.co_firstlineno, self.name)
        self.module = code.co_name == "<module>"  # its "return" is the import ending
        self.starts: frozenset[int] | None = None
        # A generator's or coroutine's "return" event comes at every yield and await too; only
        # the one at RETURN_VALUE is a return (sys.monitoring tells them apart itself).
        self.bytecode: bytes | None = code.co_code if code.co_flags & _SUSPENDS else None


_codes: dict[int, _Code] = {}
# CO_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR
_SUSPENDS = 0x20 | 0x80 | 0x100 | 0x200
_RETURN_VALUE = dis.opmap["RETURN_VALUE"]


def _code(code: Any) -> _Code | None:
    """The repository code object's record, None for code outside the repository."""
    hit = _codes.get(id(code))
    if hit is not None and hit.code is code:
        return hit
    rel = _rel(code.co_filename)
    if rel is None:
        return None
    hit = _codes[id(code)] = _Code(code, rel)
    return hit


# A return is kept as (code record, line, type, value, caller code, caller line) and written out
# at the end (_returned): immutable scalars are kept as they are, an empty container as its repr
# now (it may fill later), anything else as _OPAQUE; a repr costs time and may hold secrets.
_IMMUTABLE = frozenset((type(None), bool, int, float, complex, str, bytes))
_CONTAINERS = frozenset((list, tuple, dict, set))
_OPAQUE = object()


class _Repr(str):  # a repr taken when the function returned (an empty container's)
    pass


def _kept(value: Any) -> Any:
    tv = type(value)
    if tv in _IMMUTABLE:
        return value
    if tv in _CONTAINERS:
        return _Repr(repr(value)) if not value else _OPAQUE
    return _Repr(_short(value)) if isinstance(value, _SCALARS) else _OPAQUE


def _returned(entry: tuple[Any, ...]) -> list[Any]:
    info, line, tv, value, caller, call_line = entry
    if value is _OPAQUE:
        short = None
    elif type(value) is _Repr:
        short = str(value)
    else:
        short = _short(value)
    call_file = _rel(caller.co_filename) if caller is not None else None
    return [info.rel, info.code.co_firstlineno, info.name, line, tv.__name__, short,
            call_file, call_line if call_file else None]  # fmt: skip


def _record_return(code: Any, line: int, value: Any, caller: Any) -> None:
    info = _code(code)
    t = _state["current"]
    if info is None or info.module or not t.keep:
        return
    c_code = caller.f_code if caller is not None else None
    c_line = caller.f_lineno if caller is not None else None
    t.returns.append((info, line, type(value), _kept(value), c_code, c_line))


# -- sys.settrace (Python < 3.12) ---------------------------------------------------------


QUIET_LIMIT = 2000  # line events in a row with no new line before a code object's lines stop


# What 3.11+ puts on a function's `def` line: its prologue, which no line event reports.
_PROLOGUE = frozenset(("RESUME", "RETURN_GENERATOR", "POP_TOP", "NOP", "CACHE", "MAKE_CELL",
                       "COPY_FREE_VARS"))  # fmt: skip


def _line_starts(code: Any) -> frozenset[int]:
    """The lines a call of `code` can report. From 3.11 the line table lists the `def` line for
    the prologue alone: left in, a function would never have run all its lines."""
    starts = {ln for _, ln in dis.findlinestarts(code) if ln}
    first = code.co_firstlineno
    if sys.version_info >= (3, 11) and first in starts and len(starts) > 1:
        on_first = {i.opname for i in dis.get_instructions(code)
                    if i.positions is not None and i.positions.lineno == first}  # fmt: skip
        if on_first <= _PROLOGUE:
            starts.discard(first)
    return frozenset(starts)


def _left(t: _Test, code: Any) -> set[int]:
    """The lines of `code` this test has not run yet; the first call also notes the function."""
    cid = id(code)
    left = t.left.get(cid)
    if left is None:
        info = _code(code)
        assert info is not None  # only repository code is traced
        if info.starts is None:
            info.starts = _line_starts(code)
        left = t.left[cid] = set(info.starts)
        t.funcs.add(info.func)
    return left


def _line(frame: Any) -> None:
    """One line event: record a new line; a code object whose lines are all seen (or that ran
    QUIET_LIMIT lines in a row with nothing new: a hot loop) stops line events for this test.
    Its calls and returns are still traced; that is what makes settrace affordable."""
    t = _state["current"]
    code = frame.f_code
    cid = id(code)
    ln = frame.f_lineno
    left = t.left.get(cid)
    if left is None:
        left = _left(t, code)
    if ln in left:
        left.discard(ln)
        t.lines.add((_repo_cache[code.co_filename], ln))
        t.quiet[cid] = 0
        if not left:
            frame.f_trace_lines = False
            if not t.keep:
                t.idle.add(cid)
        return
    key = (_repo_cache[code.co_filename], ln)
    if key not in t.lines:  # a line the line table did not list: kept all the same
        t.lines.add(key)
        t.quiet[cid] = 0
        return
    q = t.quiet[cid] = t.quiet.get(cid, 0) + 1
    if q > QUIET_LIMIT:
        left.clear()
        frame.f_trace_lines = False
        if not t.keep:
            t.idle.add(cid)


def _local(frame: Any, event: str, arg: Any) -> Any:
    if event == "return":  # _record_return inlined: it runs on every return of repository code
        info = _codes.get(id(frame.f_code))  # _global registered it; held, so its id is not reused
        t = _state["current"]
        if info is None or info.module or not t.keep:
            return None
        if info.bytecode is not None and info.bytecode[frame.f_lasti] != _RETURN_VALUE:
            return _local  # suspended at a yield or an await, not returned
        caller = frame.f_back
        tv = type(arg)
        kept = arg if tv in _IMMUTABLE else _kept(arg)
        if caller is None:
            entry = (info, frame.f_lineno, tv, kept, None, None)
        else:
            entry = (info, frame.f_lineno, tv, kept, caller.f_code, caller.f_lineno)
        t.returns.append(entry)
    elif event == "line":
        _line(frame)
    elif event == "exception":
        return _after_exception
    return _local


def _lines(frame: Any, event: str, arg: Any) -> Any:
    """The local trace of a test whose returns are not kept: its new lines, nothing else."""
    if event == "line":
        _line(frame)
    return _lines


def _after_exception(frame: Any, event: str, arg: Any) -> Any:
    """After an exception event: a line means it was caught; a return at RETURN_VALUE means it
    was caught and the function returned (a frame whose lines are all seen gets no line
    events); any other return means it unwound, and no value was returned."""
    if event == "line":
        _line(frame)
        return _local
    if event == "return":
        if frame.f_code.co_code[frame.f_lasti] == _RETURN_VALUE:
            return _local(frame, event, arg)
        return None
    return _after_exception


def _global(frame: Any, event: str, arg: Any) -> Any:
    """Called on every Python call: code outside the repository is dismissed with one set
    lookup and no further call (its frame gets no local trace function, so no line events)."""
    code = frame.f_code
    filename = code.co_filename
    if filename in _outside or id(code) in _idle:
        return None
    if filename not in _repo_cache and _rel(filename) is None:
        return None
    if _state["paused"]:
        return None
    t = _state["current"]
    left = t.left.get(id(code))
    if left is None:
        left = _left(t, code)
    if not t.keep:
        if left:
            return _lines
        t.idle.add(id(code))
        return None  # no returns wanted: lines only, or nothing to trace
    if not left:
        frame.f_trace_lines = False  # every line already seen in this test: returns only
    return _local


# -- sys.monitoring (Python 3.12+): probe_monitoring.py, copied beside this file --------

_mon: dict[str, Any] = {}


def _start_monitoring() -> bool:
    if getattr(sys, "monitoring", None) is None:
        return False
    try:
        import _debugai_probe_monitoring  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # copied alone: settrace it is
        return False

    _mon.update(_debugai_probe_monitoring.start(sys.modules[__name__]))
    return bool(_mon)


def start() -> str:
    """Start tracing this process (and its later threads); returns the back-end's name."""
    if BACKEND != "settrace" and _start_monitoring():
        name = "monitoring"
    else:
        sys.settrace(_global)
        threading.settrace(_global)
        name = "settrace"
    _state.update(backend=name, started=time.perf_counter())
    _patch_environ()
    atexit.register(dump)
    return name


def suspend() -> None:
    """Nothing recorded until resume(): pytest between a test's phases (its reports, the
    failure's formatting, a conftest's report hooks) runs no code that is evidence. Under
    settrace every call it makes would cost a trace call, so tracing stops in this thread and
    in threads started from now on; sys.monitoring has no such cost (code outside the
    repository is disabled once), so it only pauses, and both record the same."""
    if _state["dumped"]:
        return
    if _state.get("backend") == "settrace":
        sys.settrace(None)
        threading.settrace(None)  # type: ignore[arg-type,unused-ignore]
    else:
        _state["paused"] = True


def resume() -> None:
    if _state["dumped"]:
        return
    if _state.get("backend") == "settrace":
        sys.settrace(_global)
        threading.settrace(_global)
    else:
        _state["paused"] = False


def _switch(t: _Test) -> None:
    global _idle
    _state["current"] = t
    _idle = t.idle


def begin(test_id: str) -> None:
    if len(_state["tests"]) >= MAX_TESTS:
        _switch(_Test(test_id))  # recorded but not kept
        return
    _switch(_Test(test_id))
    _state["tests"].append(_state["current"])
    if _mon:
        _mon["mon"].restart_events()


def end(outcome: str) -> None:
    cur = _state["current"]
    if cur.outcome in ("running", "passed"):
        cur.outcome = outcome
    _switch(_Test("<collect>"))
    if len(_state["tests"]) < MAX_TESTS:
        _state["tests"].append(_state["current"])


def record_exception(exc: BaseException) -> None:
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        rel = _rel(tb.tb_frame.f_code.co_filename)
        if rel is not None:
            frames.append([rel, tb.tb_lineno, tb.tb_frame.f_code.co_name])
        tb = tb.tb_next
    try:
        message = str(exc)[:2000]
    except Exception:
        message = "?"
    _state["current"].exc = {"type": type(exc).__name__, "message": message, "frames": frames}


def _patch_environ() -> None:
    """Note the environment keys repository code reads (names only, never the values)."""
    cls = type(os.environ)
    original = cls.__getitem__

    def getitem(self: Any, key: Any) -> Any:
        try:
            return original(self, key)
        except KeyError:
            _note_env(key, False)
            raise

    def note_and_get(self: Any, key: Any) -> Any:
        value = getitem(self, key)
        _note_env(key, True)
        return value

    cls.__getitem__ = note_and_get  # type: ignore[method-assign]


def _note_env(key: Any, present: bool) -> None:
    frame: Any = sys._getframe(1)
    for _ in range(6):  # os.getenv -> Mapping.get -> __getitem__ -> the probe's wrappers
        if frame is None:
            return
        rel = _rel(frame.f_code.co_filename)
        if rel is not None:
            env = _state["current"].env
            if len(env) < 200:
                env.append([str(key)[:100], present, rel, frame.f_lineno])
            return
        frame = frame.f_back


def dump() -> None:
    if _state["dumped"] or not OUT:
        return
    _state["dumped"] = True
    sys.settrace(None)
    threading.settrace(None)  # type: ignore[arg-type,unused-ignore]
    if _mon:
        _mon["mon"].set_events(_mon["tool"], 0)
    tests = []
    for t in _state["tests"]:
        if t.id == "<collect>" and not t.lines and not t.funcs:
            continue
        by_file: dict[str, list[int]] = {}
        for f, ln in t.lines:
            if ln <= 0:
                continue
            by_file.setdefault(f, []).append(ln)
        tests.append(
            {"id": t.id, "outcome": t.outcome, "lines": {f: sorted(v) for f, v in by_file.items()},
             "funcs": sorted(t.funcs), "returns": [_returned(r) for r in t.returns], "env": t.env, "exc": t.exc}
        )  # fmt: skip
    data = {
        "version": 1,
        "backend": _state.get("backend", "?"),
        "python": ".".join(str(v) for v in sys.version_info[:3]),
        "traced_seconds": time.perf_counter() - _state.get("started", time.perf_counter()),
        "tests": tests,
    }
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    os.replace(tmp, OUT)
