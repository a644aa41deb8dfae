"""`python -m webhooks.replay FILE...`: feed recorded events through the dispatcher."""

from __future__ import annotations

import sys
from pathlib import Path

from webhooks.dispatch import dispatch


def main(paths: list[str]) -> int:
    for path in paths:
        print(f"{path}: {dispatch(Path(path).read_bytes())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
