"""A silent pytest plugin (loaded with -p by `build`): writes each test's outcome as JSON lines.

It prints nothing, so the captured output is exactly what pytest shows a user. It runs inside
the case's own Python (3.6 and up), so it keeps to syntax and hooks every pytest since 3.x has.
"""

import json
import os
from typing import Any  # typing.Any exists on every Python this runs on (3.6+)


def _write(record: Any) -> None:
    with open(os.environ["REALBENCH_OUTCOMES"], "a") as out:
        out.write(json.dumps(record) + "\n")


def pytest_collectreport(report: Any) -> None:
    if report.failed:
        _write({"nodeid": report.nodeid, "when": "collect", "outcome": "failed"})


def _crash(report: Any) -> str:
    """The failure's one-line message ("ImportError: ..."), or "" (a fixture lookup error)."""
    crash = getattr(report.longrepr, "reprcrash", None)
    return getattr(crash, "message", "") or ""


def pytest_runtest_logreport(report: Any) -> None:
    if report.when == "call" or report.outcome != "passed":
        record = {"nodeid": report.nodeid, "when": report.when, "outcome": report.outcome}
        if report.failed:
            record["crash"] = _crash(report)
        _write(record)


def pytest_collection_modifyitems(config: Any, items: Any) -> None:
    """Keep only the selected tests of the package folders `build` passed whole.

    Old pytest cannot find a node id inside a package's `__init__.py`, but collects its folder.
    """
    select = json.loads(os.environ.get("REALBENCH_SELECT") or "[]")
    if not select:
        return
    folders = {s.split("::", 1)[0].rsplit("/", 1)[0] + "/" for s in select}

    def wanted(nodeid: str) -> bool:
        if not nodeid.startswith(tuple(folders)):
            return True
        return any(nodeid == s or nodeid.startswith((s + "::", s + "[")) for s in select)

    keep = [i for i in items if wanted(i.nodeid)]
    drop = [i for i in items if not wanted(i.nodeid)]
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
