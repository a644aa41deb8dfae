from __future__ import annotations

import csv
from pathlib import Path

from catalog_import.batch import ImportBatch


def read_feed(path: Path) -> ImportBatch:
    batch = ImportBatch(feed=path.stem)
    with path.open(newline="") as fh:
        for raw in csv.DictReader(fh):
            batch.add(raw)
    return batch
