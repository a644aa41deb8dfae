"""Run the cart's tests and let the failing assertion's real pytest output through.

    python reproduce.py                # from examples/cart: the pytest output, exits 1
    python reproduce.py --write-trace  # regenerates trace.txt with container-style paths

Needs only pytest (the `dev` extra).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]


def write_trace() -> int:
    """Run pytest in a temp copy of the project, paths rewritten like evals capture does."""
    from debugai.evals.capture import run_project

    output, code, _ = run_project(HERE, PYTEST, {}, 60, "cart")
    if code == 0:
        print("the tests passed; trace.txt left as it was", file=sys.stderr)
        return 1
    (HERE / "trace.txt").write_text(output, encoding="utf-8")
    print(f"wrote {HERE / 'trace.txt'} ({len(output.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-trace"]:
        sys.exit(write_trace())
    import subprocess

    sys.exit(subprocess.run(PYTEST, cwd=HERE).returncode)
