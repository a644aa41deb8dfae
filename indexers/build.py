"""build_index: discover files, parse what changed, link, cache, and hand back a CodeIndex."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from debugai.errors import RepoError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib
from debugai.indexers import cache, parallel
from debugai.indexers.alloc import gc_paused
from debugai.indexers.extract import FileRecord, extract
from debugai.indexers.files import assign_modules, discover, not_utf8, read_source
from debugai.indexers.index import CodeIndex
from debugai.indexers.link import link_files
from debugai.indexers.model import FileInfo, IndexStats
from debugai.indexers.resolve import Resolver

Progress = Callable[[int, int], None]
# Files changed within this window of the last write are re-hashed: their mtime may not have ticked.
RACY_NS = 2_000_000_000


@dataclass
class IndexOptions:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    cache: bool = True
    cache_dir: Path | None = None  # the index's own folder; None is <repo>/.debugai
    # Where the index goes when <repo>/.debugai cannot be written (debugai's user cache dir);
    # None: not cached then.
    user_cache: Path | None = None
    max_file_bytes: int = 2_000_000
    jobs: int | None = None  # parse workers; None picks from the CPU count and the work to do


@dataclass
class Entry:
    """What the manifest remembers of a file between runs."""

    size: int
    mtime_ns: int
    inode: int
    sha: str
    module: str
    error: str | None
    n_lines: int
    iface: str

    def plain(self) -> tuple[Any, ...]:
        return (
            self.size,
            self.mtime_ns,
            self.inode,
            self.sha,
            self.module,
            self.error,
            self.n_lines,
            self.iface,
        )


@dataclass
class State:
    """Everything needed to bring an index up to date without starting over."""

    entries: dict[str, Entry] = field(default_factory=dict)
    links: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    records: dict[str, FileRecord] = field(default_factory=dict)
    modkey: str = ""
    written_ns: int = 0
    unswept: int = 0  # records written since the last garbage collection
    pack_id: str = ""  # links.bin generation that links.delta applies to
    delta_entries: dict[str, Any] = field(default_factory=dict)  # path -> Entry.plain() or None
    delta_links: dict[str, Any] = field(default_factory=dict)  # path -> link result or None
    facts: dict[tuple[str, str], Any] = field(default_factory=dict)  # see indexers/paramflow.py

    def payload(self) -> tuple[Any, ...]:
        entries = {p: e.plain() for p, e in self.entries.items()}
        return (self.pack_id, entries, self.links, self.modkey, *self._tail())

    def _tail(self) -> tuple[Any, ...]:
        return (self.written_ns, self.unswept, self.facts)


def _cache_folder(root: Path, options: IndexOptions, warnings: list[str]) -> Path | None:
    if not options.cache:
        return None
    return cache.choose_folder(root, options.cache_dir, options.user_cache, warnings)


def _load_state(folder: Path, warnings: list[str]) -> State:
    try:
        payload = cache.load(folder / "links.bin")
    except cache.CacheError as exc:
        warnings.append(f"cache {folder / 'links.bin'}: {exc}; rebuilding")
        return State()
    if payload is None:
        return State()
    try:
        pack_id, entries_raw, links, modkey, written_ns, unswept, facts = payload
        entries = {p: Entry(*e) for p, e in entries_raw.items()}
    except (TypeError, ValueError) as exc:
        warnings.append(f"cache {folder / 'links.bin'}: unexpected layout ({exc}); rebuilding")
        return State()
    state = State(entries, links, {}, modkey, written_ns, unswept, pack_id, facts=facts)
    try:
        delta = cache.load(folder / "links.delta")
        if delta is not None and delta[0] == pack_id:
            _pid, d_entries, d_links, modkey, written_ns, unswept, facts = delta
            for p, e in d_entries.items():
                if e is None:
                    entries.pop(p, None)
                else:
                    entries[p] = Entry(*e)
            for p, link in d_links.items():
                if link is None:
                    links.pop(p, None)
                else:
                    links[p] = link
            state.modkey, state.written_ns, state.unswept = modkey, written_ns, unswept
            state.facts = facts
            state.delta_entries, state.delta_links = d_entries, d_links
    except (cache.CacheError, TypeError, ValueError):
        # A stale or damaged journal only costs re-checking the files it covered.
        pass
    return state


def _save_state(
    folder: Path,
    state: State,
    old: State,
    dirty_entries: set[str],
    dirty_links: set[str],
    warnings: list[str],
) -> None:
    """Write a small journal of what changed, or the whole pack when the journal grows large."""
    delta_entries = dict(old.delta_entries)
    delta_links = dict(old.delta_links)
    for p in dirty_entries:
        e = state.entries.get(p)
        delta_entries[p] = e.plain() if e is not None else None
    for p in dirty_links:
        delta_links[p] = state.links.get(p)
    limit = max(64, len(state.entries) // 10)
    try:
        if (
            old.pack_id
            and state.modkey == old.modkey
            and len(delta_entries) + len(delta_links) <= limit
        ):
            state.pack_id = old.pack_id
            state.delta_entries, state.delta_links = delta_entries, delta_links
            delta = (state.pack_id, delta_entries, delta_links, state.modkey, *state._tail())
            cache.dump(folder / "links.delta", delta)
            return
        state.pack_id = os.urandom(8).hex()
        state.delta_entries, state.delta_links = {}, {}
        cache.dump(folder / "links.bin", state.payload())
        with contextlib.suppress(OSError):
            (folder / "links.delta").unlink()
    except OSError as exc:
        warnings.append(f"cannot write the cache ({exc}); the next run starts over")


def build_index(
    root: str | Path,
    options: IndexOptions | None = None,
    *,
    progress: Progress | None = None,
    _state: State | None = None,
    _previous: CodeIndex | None = None,
) -> CodeIndex:
    """Index every Python file under root; unchanged files come from the cache.

    progress(done, total) is called while files are parsed (not at all on a warm run).
    Raises RepoError when root is not a directory; bad files never raise: they are skipped or
    partially indexed, counted in stats.errors and described in stats.warnings.
    """
    key_dir = options.user_cache if options is not None else None
    cache.use_key_dir(key_dir)
    # Leaving the Workers block waits for the cache writes its workers do while we link.
    with gc_paused(), parallel.Workers(key_dir) as pool:
        try:
            return _build_index(pool, root, options, progress, _state, _previous)
        except MALFORMED as exc:
            # A cache that passes its checksum can still hold records of the wrong shape (another
            # build of debugai, a hand-made .debugai): drop what it wrote and start over, once.
            # A bug that is not the cache's raises again from the fresh build.
            opts = options or IndexOptions()
            folder = _cache_folder(Path(root).expanduser().resolve(), opts, [])
            if _state is not None or folder is None:
                raise
            cache.clear(folder)
            note = f"cache {folder}: malformed records ({type(exc).__name__}: {exc}); rebuilt"
            return _build_index(pool, root, options, progress, None, None, [note])


# What reading a record or a link pack of the wrong shape raises.
MALFORMED = (TypeError, ValueError, KeyError, IndexError, AttributeError)


def _build_index(
    pool: parallel.Workers,
    root: str | Path,
    options: IndexOptions | None,
    progress: Progress | None,
    _state: State | None,
    _previous: CodeIndex | None,
    notes: list[str] | None = None,
) -> CodeIndex:
    t0 = time.perf_counter()
    options = options or IndexOptions()
    root = Path(root).expanduser()
    if not root.is_dir():
        raise RepoError(f"{root}: not a directory")
    root = root.resolve()
    marks: list[tuple[str, float]] = [("start", time.perf_counter())]
    found, warnings = discover(root, options.include, options.exclude)
    warnings[:0] = notes or []
    # What went wrong with the cache (refused, unwritable, rebuilt) is kept apart from what went
    # wrong with the repo's files: it changes nothing in the index and is said once, by `index`.
    cache_warnings: list[str] = []
    folder = _cache_folder(root, options, cache_warnings)
    old = (
        _state
        if _state is not None
        else (_load_state(folder, cache_warnings) if folder else State())
    )
    now_ns = time.time_ns()

    entries: dict[str, Entry] = {}
    records: dict[str, FileRecord] = {}
    from_disk: list[str] = []  # files whose record was read from the store: checked like links.bin
    todo: list[tuple[str, bytes, str]] = []  # (path, data, sha) to parse
    # Files the cache has never seen: on a cold run, workers read, hash and parse them together.
    unseen = [sf for sf in found if sf.path not in old.entries]
    jobs = parallel.workers(options.jobs, len(unseen))
    deferred = {sf.path for sf in unseen} if jobs > 1 else set()
    for sf in found:
        if sf.path in deferred:
            continue
        prev = old.entries.get(sf.path)
        if (
            prev is not None
            and (prev.size, prev.mtime_ns, prev.inode) == (sf.size, sf.mtime_ns, sf.inode)
            and sf.mtime_ns < old.written_ns - RACY_NS
        ):
            entries[sf.path] = replace(prev)
            continue
        data, error = read_source(root, sf.path, sf.size, options.max_file_bytes)
        if data is None:
            entries[sf.path] = Entry(sf.size, sf.mtime_ns, sf.inode, "", "", error, 0, "")
            continue
        sha = hashlib.sha256(data).hexdigest()
        if prev is not None and prev.sha == sha:
            entries[sf.path] = Entry(
                sf.size, sf.mtime_ns, sf.inode, sha, "", prev.error, prev.n_lines, prev.iface
            )
            continue
        rec = old.records.get(sha) or _stored_record(folder, sha, from_disk, sf.path)
        if rec is None:
            todo.append((sf.path, data, sha))
            entries[sf.path] = Entry(sf.size, sf.mtime_ns, sf.inode, sha, "", None, 0, "")
        else:
            records[sha] = rec
            entries[sf.path] = Entry(
                sf.size, sf.mtime_ns, sf.inode, sha, "", rec.error, rec.n_lines, rec.iface
            )

    marks.append(("scan", time.perf_counter()))
    if deferred:
        done, new_records = pool.index(
            jobs,
            root,
            [sf for sf in found if sf.path in deferred],
            options.max_file_bytes,
            folder,
            progress,
        )
        pool.store(folder, new_records)
        parsed_count = sum(1 for result in done if result[4])
        for sf, (sha, plain, error, bad_utf8, parsed) in zip(
            (sf for sf in found if sf.path in deferred), done, strict=True
        ):
            if plain is None:
                entries[sf.path] = Entry(sf.size, sf.mtime_ns, sf.inode, "", "", error, 0, "")
                continue
            rec = FileRecord.from_plain(plain)
            records[sha] = rec
            if not parsed:
                from_disk.append(sf.path)  # a worker found its record stored
            entries[sf.path] = Entry(
                sf.size, sf.mtime_ns, sf.inode, sha, "", rec.error, rec.n_lines, rec.iface
            )
            if bad_utf8:
                warnings.append(f"{sf.path}: not valid UTF-8; indexed with replacement characters")
    else:
        parsed_count = 0
    for path, rec, sha in _parse(pool, todo, options, folder, progress):
        records[sha] = rec
        e = entries[path]
        e.error, e.n_lines, e.iface = rec.error, rec.n_lines, rec.iface
    for path, data, _sha in todo:
        if not_utf8(data):
            warnings.append(f"{path}: not valid UTF-8; indexed with replacement characters")

    marks.append(("parse", time.perf_counter()))
    indexable = sorted(p for p, e in entries.items() if e.sha)
    modules, mod_warnings = assign_modules(indexable)
    warnings.extend(mod_warnings)
    for p, e in entries.items():
        e.module = modules.get(p, "")
    package_dirs = _package_dirs(root)
    modkey = hashlib.blake2b(
        repr((sorted(modules.items()), sorted(package_dirs.items()))).encode(), digest_size=12
    ).hexdigest()

    # Which files must be linked again.
    if modkey != old.modkey:
        relink = set(indexable)
    else:
        changed = {
            p
            for p in indexable
            if p not in old.links or p not in old.entries or old.entries[p].sha != entries[p].sha
        }
        moved = {
            p for p in changed if p not in old.entries or old.entries[p].iface != entries[p].iface
        }
        relink = changed | _importers(old.links, {modules[p] for p in moved}, modules)

    def record(path: str) -> FileRecord | None:
        sha = entries[path].sha
        rec = records.get(sha) or old.records.get(sha)
        rec = rec or _stored_record(folder, sha, from_disk, path)
        if rec is None:
            data, _err = read_source(root, path, entries[path].size, options.max_file_bytes)
            rec = extract(data) if data is not None else None
        if rec is not None:
            records[sha] = rec
        return rec

    links: dict[str, tuple[Any, ...]] = {}
    to_link = [p for p in indexable if p in relink or p not in old.links]
    # One process: linking forked workers measured slower than linking here (1.7 s against
    # 2.8 s on the stdlib with two cores): each fork re-resolves the modules its files import,
    # copies the pages it touches and ships its results back.
    fresh, facts = link_files(
        lambda: Resolver(modules, record, package_dirs),
        modules, indexable, to_link, old.links, old.facts,
    )  # fmt: skip
    relink |= fresh.keys()
    for path in indexable:
        links[path] = fresh[path] if path in fresh else old.links[path]

    marks.append(("link", time.perf_counter()))
    state = State(
        entries, links, {**old.records, **records} if _state is not None else records, modkey
    )
    state.facts = facts
    state.written_ns = now_ns
    state.unswept = old.unswept + len(todo)
    removed = old.entries.keys() - entries.keys()
    dirty_entries = removed | {
        p for p, e in entries.items() if p not in old.entries or old.entries[p].plain() != e.plain()
    }
    dirty_links = removed | {p for p in indexable if p in relink or p not in old.links}
    if folder is not None and (dirty_entries or dirty_links):
        if state.unswept > max(200, len(entries) // 2) or (modkey != old.modkey and old.modkey):
            cache.collect_garbage(folder, {e.sha for e in entries.values() if e.sha})
            state.unswept = 0
        _save_state(folder, state, old, dirty_entries, dirty_links, cache_warnings)
    else:
        state.written_ns, state.pack_id = old.written_ns, old.pack_id
        state.delta_entries, state.delta_links = old.delta_entries, old.delta_links

    files = {
        p: FileInfo(p, e.module, e.sha, e.n_lines, e.error) for p, e in sorted(entries.items())
    }
    stats = IndexStats(files=len(files), parsed=len(todo) + parsed_count)
    for p, e in sorted(entries.items()):
        if e.error:
            stats.errors += 1
            warnings.append(f"{p}: {e.error}")
    stats.warnings = warnings + cache_warnings
    stats.cache_warnings = cache_warnings
    for link in links.values():
        t, r, x = link[6]
        stats.calls_total += t
        stats.calls_resolved += r
        stats.calls_external += x
    marks.append(("save", time.perf_counter()))
    index = CodeIndex(root, files, links, stats, state, options, _previous, dirty_links)
    if _state is None and (from_disk or any(p not in fresh for p in links)):
        # Links read from disk, or made from records read from disk: check their shapes now, so
        # a malformed pack fails here, where build_index rebuilds it, not in a diagnosis.
        index.check()
    stats.symbols = len(index.symbols)
    stats.edges = index.n_edges
    stats.seconds = time.perf_counter() - t0
    marks.append(("assemble", time.perf_counter()))
    stats.timings = {name: round(t - marks[i][1], 4) for i, (name, t) in enumerate(marks[1:])}
    return index


def _package_dirs(root: Path) -> dict[str, str]:
    """setuptools' [tool.setuptools] package-dir from pyproject.toml ({} when absent or odd)."""
    try:
        with open(root / "pyproject.toml", "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    found = data.get("tool", {}).get("setuptools", {}).get("package-dir", {})
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items() if isinstance(v, str)}


def _stored_record(folder: Path | None, sha: str, seen: list[str], path: str) -> FileRecord | None:
    """The record stored for this content, if any; its path then joins `seen`."""
    try:
        plain = cache.load_object(folder, sha) if folder is not None else None
        rec = FileRecord.from_plain(plain) if plain is not None else None
    except (cache.CacheError, TypeError):
        return None
    if rec is not None:
        seen.append(path)
    return rec


def _parse(
    pool: parallel.Workers,
    todo: list[tuple[str, bytes, str]],
    options: IndexOptions,
    folder: Path | None,
    progress: Progress | None,
) -> list[tuple[str, FileRecord, str]]:
    total = len(todo)
    jobs = parallel.workers(options.jobs, total)
    if jobs > 1:
        parsed = pool.parse(jobs, [d for _p, d, _s in todo], progress)
        if parsed is not None:
            shas = [s for _p, _d, s in todo]
            pool.store(folder, [(s, data) for s, (_plain, data) in zip(shas, parsed, strict=True)])
            return [
                (p, FileRecord.from_plain(plain), s)
                for (p, _d, s), (plain, _data) in zip(todo, parsed, strict=True)
            ]
    out: list[tuple[str, FileRecord, str]] = []
    for n, (path, data, sha) in enumerate(todo):
        rec = extract(data)
        out.append((path, rec, sha))
        if folder is not None:
            # Records are an optimisation: one that cannot be stored is parsed again when needed.
            with contextlib.suppress(OSError):
                cache.store_object(folder, sha, rec.to_plain())
        if progress is not None and (n % 32 == 0 or n == total - 1):
            progress(n + 1, total)
    return out


def _importers(
    links: dict[str, tuple[Any, ...]], modules: set[str], path_module: dict[str, str]
) -> set[str]:
    """Files that import any of these modules, directly or through other importers."""
    if not modules:
        return set()
    module_path = {m: p for p, m in path_module.items()}
    importers: dict[str, set[str]] = {}
    for path, link in links.items():
        for _src, dst, kind, _line, _text in link[2]:
            if kind != "imports" or dst.startswith("ext:"):
                continue
            target = dst
            while target and target not in module_path:
                target = target.rpartition(".")[0]
            if target:
                importers.setdefault(target, set()).add(path)
    out: set[str] = set()
    queue = list(modules)
    while queue:
        m = queue.pop()
        for p in importers.get(m, ()):
            if p not in out:
                out.add(p)
                queue.append(path_module[p])
    return out
