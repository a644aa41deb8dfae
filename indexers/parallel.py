"""Spreading the cold-index parse over CPU cores, and writing the cache off the critical path.

Parsing is independent per file, so workers receive source bytes (or read the files themselves)
and send back each record already encoded for the cache. Writing those records is not urgent and
creating ~1,800 small files costs over a second of CPU on the stdlib, so the parent hands the
encoded records back to the same workers once parsing is done: they write while the parent
links on its own core (linking needs every record and stays in one process; forked link workers
measured slower than one). Leaving the `Workers` block waits for the writes. Records are an
optimisation: a write that fails or never happens only costs one re-parse later.

Anything that prevents workers (a sandbox, a platform without fork or spawn) falls back to one
process, which parses and stores inline.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any

from debugai.indexers import cache
from debugai.indexers.extract import extract
from debugai.indexers.files import SourceFile, not_utf8, read_source

PARALLEL_MIN_FILES = 200
BATCH = 48
STORE_BATCH = 128

Progress = Callable[[int, int], None]
# (sha, plain record or None, error, bad UTF-8, parsed here rather than found in the cache)
Indexed = tuple[str, "tuple[Any, ...] | None", "str | None", bool, bool]
# What a worker sends back for one file: the record as encoded cache bytes, not as tuples.
_Encoded = tuple[str, "bytes | None", "str | None", bool, bool]


def workers(requested: int | None, work: int) -> int:
    if work < PARALLEL_MIN_FILES:
        return 1
    if requested is not None:
        return max(1, requested)
    cores = os.cpu_count() or 1
    try:
        # Cores other work is already using would only make workers queue (and cost pickling).
        busy = int(os.getloadavg()[0] + 0.5)
    except OSError:
        busy = 0
    return max(1, min(cores - busy, 8))


def index_file(root: Path, sf: SourceFile, max_bytes: int, folder: Path | None) -> Indexed:
    """Read, hash and parse one file (or find its record in the cache by content hash)."""
    data, error = read_source(root, sf.path, sf.size, max_bytes)
    if data is None:
        return "", None, error, False, False
    sha = hashlib.sha256(data).hexdigest()
    plain = None
    if folder is not None:
        with contextlib.suppress(cache.CacheError, OSError):
            plain = cache.load_object(folder, sha)
    parsed = plain is None
    if plain is None:
        plain = extract(data).to_plain()
        if folder is not None:
            with contextlib.suppress(OSError):
                cache.store_object(folder, sha, plain)
    return sha, plain, None, not_utf8(data), parsed


# ---- run in worker processes -----------------------------------------------------------------
def _index_batch(
    root: str, batch: list[SourceFile], max_bytes: int, folder: str | None
) -> list[_Encoded]:
    out: list[_Encoded] = []
    for sf in batch:
        data, error = read_source(Path(root), sf.path, sf.size, max_bytes)
        if data is None:
            out.append(("", None, error, False, False))
            continue
        sha = hashlib.sha256(data).hexdigest()
        stored = None
        if folder is not None:
            with contextlib.suppress(cache.CacheError, OSError):
                stored = cache.read_object(Path(folder), sha)
        if stored is not None:
            out.append((sha, stored, None, not_utf8(data), False))
        else:
            out.append((sha, cache.encode(extract(data).to_plain()), None, not_utf8(data), True))
    return out


def _parse_batch(batch: list[bytes]) -> list[bytes]:
    return [cache.encode(extract(data).to_plain()) for data in batch]


def _store_batch(folder: str, batch: list[tuple[str, bytes]]) -> None:
    for sha, data in batch:
        with contextlib.suppress(OSError):
            cache.write_object(Path(folder), sha, data)


# ---- the parent's side -----------------------------------------------------------------------
class Workers:
    """One build's parse workers: `with Workers() as w: w.index(...); w.store(...); link`.

    The pool starts on the first call that asks for more than one job and lives until the block
    ends, so the records it parsed can be written while the parent links.
    """

    def __init__(self, key_dir: Path | None = None) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False
        self._key_dir = key_dir  # where the cache key lives (see cache.use_key_dir)

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            # Normally this waits for the background writes; after an error, skip those queued.
            self._pool.shutdown(wait=True, cancel_futures=exc_type is not None)
            self._pool = None

    def _executor(self, jobs: int) -> ProcessPoolExecutor | None:
        if self._pool is None and not self._broken and jobs > 1:
            try:
                self._pool = ProcessPoolExecutor(
                    max_workers=jobs, mp_context=_context(),
                    initializer=cache.use_key_dir, initargs=(self._key_dir,),
                )  # fmt: skip
            except (OSError, RuntimeError, ValueError):
                self._broken = True
        return self._pool

    def _give_up(self) -> None:
        self._broken = True
        if self._pool is not None:
            with contextlib.suppress(Exception):
                self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def index(
        self,
        jobs: int,
        root: Path,
        files: list[SourceFile],
        max_bytes: int,
        folder: Path | None,
        progress: Progress | None,
    ) -> tuple[list[Indexed], list[tuple[str, bytes]]]:
        """index_file for every file, in order, plus the new records still to be stored.

        With a pool the new records are not written yet: pass them to store(). Inline, they
        are written as they are made and the second list is empty.
        """
        pool = self._executor(jobs)
        if pool is not None:
            batches = [files[i : i + BATCH] for i in range(0, len(files), BATCH)]
            out: list[Indexed] = []
            new: list[tuple[str, bytes]] = []
            n = len(batches)
            where = [str(folder) if folder else None] * n
            try:
                for done in pool.map(
                    _index_batch, [str(root)] * n, batches, [max_bytes] * n, where
                ):
                    for sha, data, error, bad_utf8, parsed in done:
                        plain = None
                        if data is not None:
                            try:
                                plain = cache.decode(data)
                            except cache.CacheError:
                                # A damaged stored record: parse the file here and replace it.
                                fixed = index_file(root, files[len(out)], max_bytes, None)
                                out.append(fixed)
                                if folder is not None and fixed[1] is not None:
                                    with contextlib.suppress(OSError):
                                        cache.object_path(folder, sha).unlink()
                                    new.append((fixed[0], cache.encode(fixed[1])))
                                continue
                            if parsed:
                                new.append((sha, data))
                        out.append((sha, plain, error, bad_utf8, parsed))
                    if progress is not None:
                        progress(len(out), len(files))
                return out, new
            except (OSError, RuntimeError):
                self._give_up()
        out = []
        for sf in files:
            out.append(index_file(root, sf, max_bytes, folder))
            if progress is not None:
                progress(len(out), len(files))
        return out, []

    def parse(
        self, jobs: int, todo: list[bytes], progress: Progress | None
    ) -> list[tuple[tuple[Any, ...], bytes]] | None:
        """(plain record, encoded record) for each source, in order; None without workers."""
        pool = self._executor(jobs)
        if pool is None:
            return None
        batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
        out: list[tuple[tuple[Any, ...], bytes]] = []
        try:
            for encoded in pool.map(_parse_batch, batches):
                out.extend((cache.decode(data), data) for data in encoded)
                if progress is not None:
                    progress(len(out), len(todo))
        except (OSError, RuntimeError, cache.CacheError):
            self._give_up()
            return None
        return out

    def store(self, folder: Path | None, records: list[tuple[str, bytes]]) -> None:
        """Write encoded records to the cache in the background (inline without workers)."""
        if folder is None or not records:
            return
        pool = self._pool
        if pool is not None:
            try:
                for i in range(0, len(records), STORE_BATCH):
                    batch = records[i : i + STORE_BATCH]
                    pool.submit(_store_batch, str(folder), batch)  # awaited on leaving
                return
            except (OSError, RuntimeError):
                self._give_up()
        _store_batch(str(folder), records)


def _context() -> Any:
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
