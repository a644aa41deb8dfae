"""Reproduce the checkout crash in-process and let its real traceback through.

    python reproduce.py                # from examples/shop: prints the traceback, exits 1
    python reproduce.py --write-trace  # regenerates trace.txt with container-style paths

Needs the `evals` extra (fastapi, sqlalchemy, httpx): pip install -e ".[evals]".
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    from fastapi.testclient import TestClient

    from shop.main import app

    client = TestClient(app)
    ok = client.post("/orders/10/checkout")
    print("order 10:", ok.status_code, ok.json(), flush=True)
    # Order 11 belongs to a customer who signed up in 2021: this request crashes.
    client.post("/orders/11/checkout")


def write_trace() -> int:
    """Run this script in a temp copy of the project, paths rewritten like evals capture does."""
    from debugai.evals.capture import run_project

    output, code, _ = run_project(HERE, [sys.executable, "reproduce.py"], {}, 60, "shop")
    if code == 0:
        print("reproduce.py did not crash; trace.txt left as it was", file=sys.stderr)
        return 1
    (HERE / "trace.txt").write_text(output, encoding="utf-8")
    print(f"wrote {HERE / 'trace.txt'} ({len(output.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-trace"]:
        sys.exit(write_trace())
    main()
