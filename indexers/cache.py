"""The on-disk cache: per-file parse records stored by content hash, plus one link pack.

Format: marshal of plain tuples/dicts/strings/ints behind a magic header, a version and an
HMAC-SHA256 of the body under a key only this user's debugai knows (`cache.key` in debugai's user
cache dir, the one `DEBUGAI_CACHE_DIR` moves; 0600). marshal loads about ten times faster than JSON here and, unlike pickle, never runs code
while loading — but it is not meant for hostile input, and a cloned repository can ship a
`.debugai` of its own: with the MAC, only files this user's debugai wrote are ever loaded. A file
that fails any check is ignored and rebuilt. Every write goes to a temporary
file in the same folder followed by os.replace, so readers see the old or the new file, never a
torn one, and two processes indexing at once cannot corrupt each other (the last writer wins).

    <cache>/.gitignore          "*"
    <cache>/links.bin           manifest + linked facts for every file
    <cache>/objects/ab/<sha>    one file's parse record, keyed by its content hash
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
import re
import stat
import struct
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from debugai.indexers.extract import RECORD_VERSION

CACHE_VERSION = 3  # 3: settings fields read their Field(alias=...)
MAGIC = b"DEBUGAI\x00"
_HEADER = struct.Struct("<8sIQ32s")  # magic, version, payload length, HMAC-SHA256 of the body
_RECORD_NAME = re.compile(r"^[0-9a-f]{64}$")  # a stored record is named by its sha256


# Anything that changes what a cached record means is part of the key.
def _grammar_version() -> str:
    try:
        return metadata.version("tree-sitter-python")
    except metadata.PackageNotFoundError:
        return "?"


FLAVOUR = (
    f"py{sys.version_info[0]}.{sys.version_info[1]}-m{marshal.version}-r{RECORD_VERSION}"
    f"-tsp{_grammar_version()}"
)


class CacheError(Exception):
    """The cache file exists but cannot be used (message says why)."""


def default_cache_dir(root: Path) -> Path:
    return root / ".debugai"


def user_cache_dir(root: Path, base: Path) -> Path:
    """The folder for root's index under a user cache dir `base` (debugai's cache dir)."""
    digest = hashlib.sha256(str(root).encode("utf-8", "replace")).hexdigest()[:16]
    return base / f"{root.name}-{digest}"


def is_real_dir(path: Path) -> bool:
    """True for a directory that is not a symlink (a link could point anywhere)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def choose_folder(
    root: Path, cache_dir: Path | None, user_cache: Path | None, warnings: list[str]
) -> Path | None:
    """Where root's index is cached: cache_dir when chosen, else <root>/.debugai, else root's
    folder under the user cache dir; None (said in warnings) when none can be written."""
    if cache_dir is not None:
        folder = Path(cache_dir)
        if prepare(folder):
            return folder
        warnings.append(f"cache folder {folder} is not writable; not caching")
        return None
    folder = default_cache_dir(root)
    if prepare(folder):
        return folder
    fallback = None if user_cache is None else user_cache_dir(root, user_cache)
    if os.path.islink(folder) or os.path.islink(folder / "objects"):
        # Said, because a repository shipping its own .debugai link is up to something.
        where = folder.name if os.path.islink(folder) else f"{folder.name}/objects"
        instead = "not caching" if fallback is None else f"caching in {fallback} instead"
        warnings.append(f"{where} in the repository is a symlink; {instead}")
    if fallback is not None and prepare(fallback):
        return fallback
    warnings.append("no writable cache folder; not caching")
    return None


def prepare(folder: Path) -> bool:
    """Create the cache folder (with its .gitignore); False when it cannot be written.

    The folder and its objects/ must be real directories: a cloned repository could ship
    `.debugai` as a symlink to another repository's `.git`, and the cache would then write, and
    its garbage collection delete, files there.
    """
    try:
        if not os.path.lexists(folder):
            folder.mkdir(parents=True, mode=0o700)
        if not is_real_dir(folder):
            return False
        objects = folder / "objects"
        if os.path.lexists(objects) and not is_real_dir(objects):
            return False
        ignore = folder / ".gitignore"
        if not os.path.lexists(ignore):
            _atomic_write(ignore, b"*\n")
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError:
        return False
    return True


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_KEY: bytes | None = None
_KEY_FILE: Path | None = None


def use_key_dir(user_cache: Path | None) -> None:
    """Keep the cache key in user_cache (debugai's user cache dir, as configured); None: the
    default, ~/.cache/debugai. Called by the build before it reads or writes a record, and by each
    parse worker as it starts, so parent and workers sign with the same key."""
    global _KEY, _KEY_FILE
    path = None if user_cache is None else Path(user_cache) / "cache.key"
    if path != _KEY_FILE:
        _KEY, _KEY_FILE = None, path


def key_file() -> Path:
    return _KEY_FILE or Path.home() / ".cache" / "debugai" / "cache.key"


def _key() -> bytes:
    """This user's cache key, made on first use; a per-process one when it cannot be kept
    (then nothing cached is reused across runs, which is slow but never trusts a stranger)."""
    global _KEY
    if _KEY is None:
        _KEY = _load_key(key_file())
    return _KEY


def _load_key(path: Path) -> bytes:
    for _ in range(3):
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            if len(data) == 32:
                return data
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache.key.")
            try:
                os.write(fd, os.urandom(32))
                os.close(fd)
                os.link(tmp, path)  # atomic, and fails if another process made one first
            except FileExistsError:
                pass
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        except OSError:
            break
    return os.urandom(32)


def _mac(body: bytes | memoryview) -> bytes:
    return hmac.new(_key(), body, hashlib.sha256).digest()


def encode(payload: Any) -> bytes:
    """The bytes of a cache file holding payload (header, version, MAC, marshal body)."""
    body = marshal.dumps((FLAVOUR, payload))
    return _HEADER.pack(MAGIC, CACHE_VERSION, len(body), _mac(body)) + body


def decode(data: bytes) -> Any:
    """The payload of a cache file's bytes; CacheError when they fail any check."""
    if len(data) < _HEADER.size:
        raise CacheError("truncated")
    magic, version, length, mac = _HEADER.unpack_from(data)
    if magic != MAGIC:
        raise CacheError("not a debugai cache file")
    if version != CACHE_VERSION:
        raise CacheError(f"cache version {version}, this debugai writes version {CACHE_VERSION}")
    body = memoryview(data)[_HEADER.size :]
    if len(body) != length:
        raise CacheError("corrupt (truncated)")
    if not hmac.compare_digest(_mac(body), mac):
        raise CacheError("corrupt, or not written by this user's debugai (checksum mismatch)")
    try:
        flavour, payload = marshal.loads(body)
    except (ValueError, EOFError, TypeError) as exc:
        raise CacheError(f"corrupt ({exc})") from None
    if flavour != FLAVOUR:
        raise CacheError(f"written by another Python or grammar ({flavour})")
    return payload


def dump(path: Path, payload: Any) -> None:
    _atomic_write(path, encode(payload))


def _read(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CacheError(f"unreadable ({exc.strerror})") from None


def load(path: Path) -> Any:
    """The payload stored at path; None when absent; CacheError when unusable."""
    data = _read(path)
    return None if data is None else decode(data)


def object_path(folder: Path, sha: str) -> Path:
    return folder / "objects" / sha[:2] / sha


def store_object(folder: Path, sha: str, record: Any) -> None:
    if not os.path.lexists(object_path(folder, sha)):
        write_object(folder, sha, encode(record))


def write_object(folder: Path, sha: str, data: bytes) -> None:
    """Store already encoded record bytes under their content hash (kept if already there)."""
    path = object_path(folder, sha)
    if os.path.lexists(path):
        return
    for sub in (path.parent.parent, path.parent):
        if not os.path.lexists(sub):
            sub.mkdir(mode=0o700, exist_ok=True)
        if not is_real_dir(sub):
            raise OSError(f"{sub} is not a directory debugai made; not writing there")
    _atomic_write(path, data)


def read_object(folder: Path, sha: str) -> bytes | None:
    """A stored record's bytes, unchecked (decode checks them); None when absent."""
    return _read(object_path(folder, sha))


def load_object(folder: Path, sha: str) -> Any:
    return load(object_path(folder, sha))


def collect_garbage(folder: Path, keep: set[str]) -> int:
    """Delete stored records no file refers to any more; returns how many went.

    Only files debugai wrote are touched: regular files (never a symlink) named by a sha256,
    starting with the cache's magic bytes, in real sub-folders of a real objects/ folder.
    """
    removed = 0
    objects = folder / "objects"
    if not is_real_dir(folder) or not is_real_dir(objects):
        return 0
    for sub in objects.iterdir():
        if len(sub.name) != 2 or not is_real_dir(sub):
            continue
        for entry in sub.iterdir():
            name = entry.name
            if name in keep or not _RECORD_NAME.match(name) or not name.startswith(sub.name):
                continue
            if _ours(entry):
                try:
                    entry.unlink()
                    removed += 1
                except OSError:
                    pass
    return removed


def clear(folder: Path) -> None:
    """Delete everything this cache wrote in folder (its records and link packs)."""
    collect_garbage(folder, set())
    for name in ("links.bin", "links.delta"):
        path = folder / name
        if os.path.isfile(path) and not os.path.islink(path):
            with contextlib.suppress(OSError):
                path.unlink()


def _ours(path: Path) -> bool:
    """A regular file that starts with a debugai cache header."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        return os.read(fd, len(MAGIC)) == MAGIC
    finally:
        os.close(fd)
