"""`python -m catalog_import.main feeds/`: load every CSV feed into the catalog, one transaction per feed."""

from __future__ import annotations

import sys
from pathlib import Path

from catalog_import.db import make_session_factory
from catalog_import.feeds import read_feed
from catalog_import.writer import write_batch


def main(folder: str) -> None:
    sessions = make_session_factory()
    for path in sorted(Path(folder).glob("*.csv")):
        batch = read_feed(path)
        with sessions.begin() as session:
            count = write_batch(session, batch)
        print(f"{path.name}: {count} products", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
