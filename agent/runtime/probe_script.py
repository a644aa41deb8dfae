"""A script or module run under the probe, as one test named `<script>`: copied as
`_debugai_probe_script.py` beside `_debugai_probe.py` (agent/runtime/probe.py) and run as
`python -m _debugai_probe_script script.py args...` or `... -m module args...`. Like the probe it
imports nothing from debugai: it runs in the re-run command's own Python.
"""

from __future__ import annotations

import os
import runpy
import sys

import _debugai_probe as probe  # type: ignore[import-not-found,unused-ignore]


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit("usage: python -m _debugai_probe_script SCRIPT [ARGS] | -m MODULE [ARGS]")
    probe.start()
    probe.begin("<script>")
    try:
        if argv[0] == "-m" and len(argv) > 1:
            sys.argv = argv[1:]
            runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = argv
            sys.path.insert(0, os.path.dirname(os.path.abspath(argv[0])))
            runpy.run_path(argv[0], run_name="__main__")
    except SystemExit as exc:
        probe.end("passed" if exc.code in (None, 0) else "failed")
        raise
    except BaseException as exc:
        probe.record_exception(exc)
        probe.end("failed")
        raise
    probe.end("passed")


if __name__ == "__main__":
    main(sys.argv[1:])
