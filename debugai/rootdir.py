"""Which repository a command works on: --repo when given, else found upwards from the current
directory the way git and pytest find theirs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from debugai.errors import UsageError

# What marks a project's root, nearest first; a folder holding any of them is the root.
ROOT_MARKERS = (".git", ".hg", "pyproject.toml", "setup.cfg", "setup.py", "tox.ini", "pytest.ini")


@dataclass(frozen=True, slots=True)
class RepoRoot:
    path: Path
    reason: str  # "--repo" | the marker that was found | "no marker"

    def describe(self, cwd: Path | None = None) -> str:
        """One line for stderr: which root is used and why."""
        shown = _shown(self.path, cwd or Path.cwd())
        if self.reason == "no marker":
            return (
                f"repository root: {shown} (no .git, pyproject.toml or setup.cfg above it; "
                "pass --repo to choose)"
            )
        return f"repository root: {shown} (found {self.reason}; pass --repo to choose another)"


def find_root(start: Path) -> RepoRoot:
    """The nearest folder at or above `start` holding a root marker, else `start` itself."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for marker in ROOT_MARKERS:
            if (folder / marker).exists():
                return RepoRoot(folder, marker)
    return RepoRoot(start, "no marker")


def resolve_repo(repo: Path | None, cwd: Path | None = None, *, flag: str = "--repo") -> RepoRoot:
    """--repo as given (it must be a folder), or the root found from the current directory."""
    if repo is not None:
        named = f"{flag} {repo}" if flag else str(repo)
        if not repo.exists():
            raise UsageError(f"{named}: no such directory")
        if not repo.is_dir():
            raise UsageError(f"{named}: not a directory (pass the repository folder)")
        return RepoRoot(repo, "--repo")
    return find_root(cwd or Path.cwd())


def _shown(path: Path, cwd: Path) -> str:
    try:
        rel = path.resolve().relative_to(cwd.resolve())
        return "." if str(rel) == "." else rel.as_posix()
    except ValueError:
        return str(path)
