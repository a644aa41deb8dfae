"""`python -m app.main cus_42`: print a customer's overview."""

from __future__ import annotations

import json
import sys

from app import settings
from app.container import build
from app.overview import account_overview


def main(argv: list[str]) -> int:
    container = build(settings.load())
    print(json.dumps(account_overview(container, argv[0] if argv else "cus_42"), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
