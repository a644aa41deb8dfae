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


def pytest_runtest_logreport(report: Any) -> None:
    if report.when == "call" or report.outcome != "passed":
        _write({"nodeid": report.nodeid, "when": report.when, "outcome": report.outcome})
