"""Spreading the cold-index work over CPU cores: parsing in worker processes, linking in forks.

Parsing is independent per file, so workers receive source bytes and return plain records (and
store them in the cache themselves). Linking needs every record: on Linux, forked workers inherit
the resolver from the parent, link a contiguous share of the files, and send back plain link
results while the parent links its own share. Anything that prevents workers (a sandbox, threads
in the parent that make fork unsafe, a platform without fork) falls back to one process.
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
from typing import Any

from debugai.indexers import cache
from debugai.indexers.extract import extract
from debugai.indexers.files import SourceFile, not_utf8, read_source
from debugai.indexers.link import link_file
from debugai.indexers.resolve import Resolver

PARALLEL_MIN_FILES = 200
BATCH = 48

# The resolver a forked link worker inherits (set just before the pool forks).
_FORK_RESOLVER: Resolver | None = None


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


def _parse_batch(batch: list[tuple[bytes, str]], folder: str | None) -> list[tuple[Any, ...]]:
    out = []
    for data, sha in batch:
        plain = extract(data).to_plain()
        if folder is not None:
            with contextlib.suppress(OSError):
                cache.store_object(Path(folder), sha, plain)
        out.append(plain)
    return out


def parse_parallel(
    todo: list[tuple[str, bytes, str]],
    jobs: int,
    folder: Path | None,
    progress: Callable[[int, int], None] | None,
) -> list[tuple[Any, ...]] | None:
    """Plain records for todo, in order; None when worker processes are not available."""
    batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
    out: list[tuple[Any, ...]] = []
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
            args = [[(d, s) for _p, d, s in b] for b in batches]
            folders = [str(folder) if folder is not None else None] * len(batches)
            for plains in pool.map(_parse_batch, args, folders):
                out.extend(plains)
                if progress is not None:
                    progress(len(out), len(todo))
    except (OSError, RuntimeError):
        return None
    return out


# (sha, record, error, bad UTF-8, parsed here rather than found in the cache)
Indexed = tuple[str, "tuple[Any, ...] | None", "str | None", bool, bool]


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


def _index_batch(
    root: str, batch: list[SourceFile], max_bytes: int, folder: str | None
) -> list[Indexed]:
    where = Path(folder) if folder is not None else None
    return [index_file(Path(root), sf, max_bytes, where) for sf in batch]


def index_parallel(
    root: Path,
    files: list[SourceFile],
    max_bytes: int,
    jobs: int,
    folder: Path | None,
    progress: Callable[[int, int], None] | None,
) -> list[Indexed]:
    """index_file for every file, in order, spread over worker processes (inline if impossible)."""
    batches = [files[i : i + BATCH] for i in range(0, len(files), BATCH)]
    out: list[Indexed] = []
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
            n = len(batches)
            results = pool.map(
                _index_batch,
                [str(root)] * n,
                batches,
                [max_bytes] * n,
                [str(folder) if folder else None] * n,
            )
            for done in results:
                out.extend(done)
                if progress is not None:
                    progress(len(out), len(files))
        return out
    except (OSError, RuntimeError):
        out.clear()
    for sf in files:
        out.append(index_file(root, sf, max_bytes, folder))
        if progress is not None:
            progress(len(out), len(files))
    return out


def _context() -> Any:
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _link_share(modules: list[str]) -> list[tuple[Any, ...]]:
    assert _FORK_RESOLVER is not None
    return [link_file(_FORK_RESOLVER, m) for m in modules]


def link_parallel(
    resolver: Resolver, modules: list[str], jobs: int
) -> list[tuple[Any, ...]] | None:
    """Link results for modules, in order; None when forking is not safe or not possible."""
    global _FORK_RESOLVER
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return None
    # Contiguous shares: neighbouring files import the same modules, which each process indexes.
    size = -(-len(modules) // jobs)
    shares = [modules[i * size : (i + 1) * size] for i in range(jobs)]
    _FORK_RESOLVER = resolver
    try:
        with ProcessPoolExecutor(
            max_workers=jobs - 1, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            futures = [pool.submit(_link_share, share) for share in shares[1:]]
            results = [[link_file(resolver, m) for m in shares[0]]]
            results.extend(f.result() for f in futures)
    except (OSError, RuntimeError):
        return None
    finally:
        _FORK_RESOLVER = None
    return [link for share in results for link in share]
