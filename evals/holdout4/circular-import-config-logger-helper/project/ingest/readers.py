import csv
import json
from collections.abc import Iterator
from pathlib import Path

from ingest.logging_setup import get_logger

log = get_logger(__name__)


def read_records(path: Path) -> Iterator[dict]:
    if path.suffix == ".csv":
        with path.open(newline="", encoding="utf-8") as fh:
            yield from csv.DictReader(fh)
    elif path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                line = line.strip()
                if not line:
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    log.error("%s:%d: skipping malformed line", path.name, lineno)
    else:
        raise ValueError(f"unsupported file type: {path.suffix}")
