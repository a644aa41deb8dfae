"""Which files belong to the index, and the module name each one gets."""

from __future__ import annotations

import codecs
import fnmatch
import io
import os
import tokenize
from dataclasses import dataclass
from pathlib import Path

import pathspec

# Folders whose files are tests, fixtures and their helpers (`test/helpers.py` as much as
# `tests/test_x.py`): one definition for the whole product and the real-bug benchmark.
TEST_DIRS = frozenset({"test", "tests", "testing"})


def is_test_path(path: str) -> bool:
    """A repo-relative POSIX path of test code: under a test folder, `test_*.py`, `*_test.py`
    or a `conftest.py`."""
    parts = path.split("/")
    name = parts[-1]
    return (
        name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
        or any(part in TEST_DIRS for part in parts[:-1])
    )


# Folders that never hold the project's own code.
SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".debugai",
    "__pycache__",
    "node_modules",
    "site-packages",
    "dist-packages",
    ".venv",
    "venv",
    ".env",
    "env",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "build",
    "dist",
    ".eggs",
    ".idea",
    ".vscode",
}


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str  # repo-relative POSIX path
    size: int
    mtime_ns: int
    inode: int


def _is_venv(dirpath: str) -> bool:
    return os.path.exists(os.path.join(dirpath, "pyvenv.cfg"))


def _gitignore(dirpath: str) -> pathspec.GitIgnoreSpec | None:
    try:
        with open(os.path.join(dirpath, ".gitignore"), encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return spec if len(spec) else None


def _matches(patterns: tuple[str, ...], rel: str) -> bool:
    return any(fnmatch.fnmatch(rel, p) or rel.startswith(p.rstrip("/") + "/") for p in patterns)


def discover(
    root: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> tuple[list[SourceFile], list[str]]:
    """The repo's .py files (sorted), honouring .gitignore and never leaving the root; + warnings."""
    warnings: list[str] = []
    out: list[SourceFile] = []
    root_s = str(root)
    real_root = os.path.realpath(root_s)
    # Stack of (directory relative prefix, spec) from .gitignore files above the current folder.
    specs: list[tuple[str, pathspec.GitIgnoreSpec]] = []

    def ignored(rel: str, is_dir: bool) -> bool:
        probe = rel + "/" if is_dir else rel
        for base, spec in specs:
            if base and not probe.startswith(base + "/"):
                continue
            sub = probe[len(base) + 1 :] if base else probe
            if spec.match_file(sub):
                return True
        return False

    def walk(abs_dir: str, rel_dir: str) -> None:
        spec = _gitignore(abs_dir)
        if spec is not None:
            specs.append((rel_dir, spec))
        try:
            entries = sorted(os.scandir(abs_dir), key=lambda e: e.name)
        except OSError as exc:
            warnings.append(f"{rel_dir or '.'}: cannot list folder ({exc.strerror})")
            entries = []
        for entry in entries:
            name = entry.name
            rel = f"{rel_dir}/{name}" if rel_dir else name
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_link:
                target = os.path.realpath(entry.path)
                if target != real_root and not target.startswith(real_root + os.sep):
                    warnings.append(f"{rel}: symlink leaves the repository, skipped")
                    continue
                if is_dir or target.endswith(".py"):
                    # A link to something inside the repo would index the same code twice.
                    continue
            if is_dir:
                if name in SKIP_DIRS or name.endswith(".egg-info") or ignored(rel, True):
                    continue
                if _is_venv(entry.path) or (exclude and _matches(exclude, rel)):
                    continue
                walk(entry.path, rel)
            elif name.endswith(".py"):
                if ignored(rel, False):
                    continue
                if exclude and _matches(exclude, rel):
                    continue
                if include and not _matches(include, rel):
                    continue
                try:
                    st = entry.stat()
                except OSError as exc:
                    warnings.append(f"{rel}: cannot stat ({exc.strerror})")
                    continue
                out.append(SourceFile(rel, st.st_size, st.st_mtime_ns, st.st_ino))
        if spec is not None:
            specs.pop()

    walk(root_s, "")
    return out, warnings


def module_name(path: str) -> str:
    """Dotted module name from the repo root: `src/pkg/a.py` -> `pkg.a`, `pkg/__init__.py` -> `pkg`."""
    parts = path[:-3].split("/") if path.endswith(".py") else path.split("/")
    if len(parts) > 1 and parts[0] == "src":
        parts = parts[1:]
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def assign_modules(paths: list[str]) -> tuple[dict[str, str], list[str]]:
    """path -> unique module name; colliding files get a deterministic fallback name + a warning.

    When two files claim one name (`src/pkg/a.py` and `pkg/a.py`, or `a.py` and `a/__init__.py`),
    the one Python itself would import wins: a package over a module, then outside `src/` over
    inside, then the shorter path, then the path order. The others are named by their full path
    (`src.pkg.a`), with `~2`, `~3` appended in the unlikely case that is taken too.
    """
    claims: dict[str, list[str]] = {}
    for p in paths:
        claims.setdefault(module_name(p), []).append(p)
    out: dict[str, str] = {}
    warnings: list[str] = []
    taken = set(claims)
    for name, owners in claims.items():
        if len(owners) == 1:
            out[owners[0]] = name
            continue
        owners.sort(key=lambda p: (not p.endswith("/__init__.py"), p.startswith("src/"), len(p), p))
        out[owners[0]] = name
        for other in owners[1:]:
            stem = other[:-3].removesuffix("/__init__")
            alt = stem.replace("/", ".")
            n = 2
            while alt in taken:
                alt = f"{stem.replace('/', '.')}~{n}"
                n += 1
            taken.add(alt)
            out[other] = alt
            warnings.append(
                f"{other}: module name {name} is taken by {owners[0]}; indexed as {alt}"
            )
    return out, warnings


def read_source(
    root: Path, path: str, size: int, max_bytes: int
) -> tuple[bytes | None, str | None]:
    """(source bytes, None), or (None, why the file is skipped)."""
    if size > max_bytes:
        return None, f"skipped: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit"
    try:
        with open(root / path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return None, f"skipped: cannot read ({exc.strerror or exc})"
    if len(data) > max_bytes:
        return None, f"skipped: over the {max_bytes / 1e6:.1f} MB limit"
    if b"\x00" in data[:8192]:
        return None, "skipped: binary content"
    return as_utf8(data), None


def as_utf8(data: bytes) -> bytes:
    """Source bytes as UTF-8: a file declaring another encoding (PEP 263 cookie) is transcoded.

    tree-sitter and every line reader here take UTF-8; a latin-1 file read as UTF-8 loses its
    non-ASCII text to replacement characters (and with them string literals and names).
    """
    if data.isascii():
        return data
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # a cookie naming no known codec: read as UTF-8 (Python itself refuses it)
        return data
    if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig"):
        return data
    try:
        return data.decode(encoding).encode("utf-8")
    except (UnicodeDecodeError, LookupError):
        return data


def not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False
