import shutil
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from ingest.config import settings
from ingest.logging_setup import get_logger
from ingest.readers import read_records

log = get_logger(__name__)


def batched(records: Iterable[dict], size: int) -> Iterator[list[dict]]:
    it = iter(records)
    while chunk := list(islice(it, size)):
        yield chunk


def pending_files(source: Path) -> list[Path]:
    return sorted(
        p for p in source.iterdir() if p.is_file() and p.suffix in settings.allowed_suffixes
    )


def process_file(path: Path) -> int:
    count = 0
    for batch in batched(read_records(path), settings.batch_size):
        count += len(batch)
        log.info("%s: loaded batch of %d", path.name, len(batch))
    settings.archive_dir.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), settings.archive_dir / path.name)
    return count


def run_once() -> int:
    total = 0
    for path in pending_files(settings.source_dir):
        total += process_file(path)
    log.info("processed %d records", total)
    return total
