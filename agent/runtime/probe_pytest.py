"""The probe's pytest plugin (`-p _debugai_probe_pytest`), copied as `_debugai_probe_pytest.py`
beside `_debugai_probe.py` (agent/runtime/probe.py), which it records into: one test per
`pytest_runtest_protocol`, its outcome and exception from the report. Like the probe it imports
nothing from debugai: it runs in the re-run command's own Python.
"""

from __future__ import annotations

import sys
import unittest.case  # noqa: F401  (loaded, so that its reporters are paused too)
from typing import Any

import _debugai_probe as probe  # type: ignore[import-not-found,unused-ignore]
import pytest


def pytest_configure(config: Any) -> None:
    _pause_reporters()
    if "backend" not in probe._state:
        probe.start()


@pytest.hookimpl(hookwrapper=True)  # type: ignore[untyped-decorator,unused-ignore]
def pytest_runtest_protocol(item: Any, nextitem: Any) -> Any:
    probe.begin(item.nodeid)
    yield
    probe.end("passed")


# Repository code runs while modules are collected (imported) and in each test's setup, call
# and teardown; between those pytest reports, and formatting a failure's traceback can make
# several times the calls of the test itself. Tracing is on only in those phases.
@pytest.hookimpl(hookwrapper=True)  # type: ignore[untyped-decorator,unused-ignore]
def pytest_collection(session: Any) -> Any:
    yield
    probe.suspend()


def _traced_phase(item: Any) -> Any:
    probe.resume()
    try:
        yield
    finally:
        probe.suspend()


pytest_runtest_setup = pytest.hookimpl(hookwrapper=True)(_traced_phase)
pytest_runtest_call = pytest.hookimpl(hookwrapper=True)(_traced_phase)
pytest_runtest_teardown = pytest.hookimpl(hookwrapper=True)(_traced_phase)


# Code that runs only to report a failure is not evidence: a `__repr__` or `__str__` the
# failing test alone ran because pytest (or unittest) showed the operands or the exception
# would top the spectrum. Recording pauses in the failure-message helpers and in makereport.
_REPORTERS = {"_pytest.assertion.rewrite": ("_saferepr", "_format_assertmsg", "_call_reprcompare",
              "_format_explanation"), "unittest.case": ("safe_repr", "_common_shorten_repr")}  # fmt: skip


def _paused(fn: Any) -> Any:
    def run_paused(*args: Any, **kwargs: Any) -> Any:
        was, probe._state["paused"] = probe._state["paused"], True
        try:
            return fn(*args, **kwargs)
        finally:
            probe._state["paused"] = was

    return run_paused


def _pause_reporters() -> None:
    for name, attrs in _REPORTERS.items():
        module = sys.modules.get(name)
        for attr in attrs if module is not None else ():
            if callable(getattr(module, attr, None)):
                setattr(module, attr, _paused(getattr(module, attr)))


@pytest.hookimpl(hookwrapper=True)  # type: ignore[untyped-decorator,unused-ignore]
def pytest_runtest_makereport(item: Any, call: Any) -> Any:
    was, probe._state["paused"] = probe._state["paused"], True  # the report's reprs and str(exc)
    try:
        outcome = yield
        rep = outcome.get_result()
        cur = probe._state["current"]
        if rep.failed:
            cur.outcome = "failed"
            if call.excinfo is not None and cur.exc is None:
                probe.record_exception(call.excinfo.value)
        elif rep.skipped and cur.outcome == "running":
            cur.outcome = "skipped"
    finally:
        probe._state["paused"] = was


def pytest_unconfigure(config: Any) -> None:
    probe.dump()
