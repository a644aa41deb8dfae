"""Map a trace's frames onto the repo: classify them, remap foreign paths, detect stale traces."""

from __future__ import annotations

import re
import sys
import sysconfig
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from debugai.agent.traceback.model import ExceptionRecord, Frame, FrameKind, Trace
from debugai.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

ReadLines = Callable[[str], list[str]]

_THIRD_PARTY = re.compile(r"(?:^|/)(?:site-packages|dist-packages)/|\.egg/", re.IGNORECASE)
_STDLIB = re.compile(
    r"(?:^|/)lib(?:64)?/(?:pypy|python)\d(?:\.\d+)?[a-z]*/"  # POSIX installs, conda, pyenv, venv
    r"|(?:^|/)python\d*[^/]*/lib/"  # Windows: C:\Python311\Lib\, ...\Programs\Python\Python311\Lib\
    r"|(?:^|/)lib-python/\d",  # PyPy
    re.IGNORECASE,
)
_DRIVE = re.compile(r"^[A-Za-z]:$")
_WINDOWS_ABS = re.compile(r"^[A-Za-z]:[\\/]")


@dataclass
class PathMap:
    """Explicit prefix rewrites from where the trace ran to the repo: [("/app", ".")]."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def parse(cls, specs: Iterable[str]) -> PathMap:
        return cls([parse_path_map(s) for s in specs])


def parse_path_map(spec: str) -> tuple[str, str]:
    """Read `FROM=TO` (as given to --path-map or the config); UsageError when malformed."""
    src, sep, dst = spec.partition("=")
    src, dst = src.strip(), dst.strip()
    if not sep or not src:
        raise UsageError(f"--path-map expects FROM=TO (e.g. /app=.), got {spec!r}")
    return src, dst or "."


def path_map_from_config(repo_root: Path) -> list[tuple[str, str]]:
    """`[tool.debugai] path_map` of the repo's pyproject.toml: ["/app=."] or {"/app" = "."}."""
    path = Path(repo_root) / "pyproject.toml"
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    tool = data.get("tool", {})
    section = tool.get("debugai", {}) if isinstance(tool, dict) else {}
    raw = section.get("path_map", section.get("path-map")) if isinstance(section, dict) else None
    if raw is None:
        return []
    if isinstance(raw, dict) and all(isinstance(v, str) for v in raw.values()):
        return [(str(k), v or ".") for k, v in raw.items()]
    if isinstance(raw, list) and all(isinstance(v, str) for v in raw):
        return [parse_path_map(v) for v in raw]
    raise UsageError(f'{path}: [tool.debugai] path_map must be a list like ["/app=."]')


def merge_path_maps(*maps: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Earlier maps win for the same source prefix (flags before config)."""
    out: dict[str, str] = {}
    for pairs in maps:
        for src, dst in pairs:
            out.setdefault(normalize(src).rstrip("/"), dst)
    return list(out.items())


@dataclass
class LocateReport:
    """What locate() did: frames mapped into the repo, ambiguous paths, stale frames, notes."""

    mapped: int = 0
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)
    stale: list[Frame] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def normalize(path: str) -> str:
    """Forward slashes, no `./`, no doubled separators: a comparable path string."""
    p = path.replace("\\", "/")
    p = re.sub(r"/{2,}", "/", p)
    while p.startswith("./"):
        p = p[2:]
    return p


def _parts(path: str) -> list[str]:
    parts = [c for c in normalize(path).split("/") if c and c != "."]
    if parts and _DRIVE.match(parts[0]):
        parts = parts[1:]
    out: list[str] = []
    for c in parts:
        if c == ".." and out:
            out.pop()
        elif c != "..":
            out.append(c)
    return out


def _local_stdlib() -> list[str]:
    paths = sysconfig.get_paths()
    roots = {normalize(paths[k]) for k in ("stdlib", "platstdlib") if k in paths}
    return sorted(r.rstrip("/") + "/" for r in roots if r)


_LOCAL_STDLIB = _local_stdlib()


def is_stdlib(path: str) -> bool:
    if path.startswith("<frozen"):
        return True
    p = normalize(path)
    if _THIRD_PARTY.search(p):
        return False
    return bool(_STDLIB.search(p)) or any(p.startswith(r) for r in _LOCAL_STDLIB)


class _Matcher:
    """Longest path-suffix matching of frame paths against the repo's files."""

    def __init__(
        self, repo_root: Path, repo_files: Collection[str], path_map: Sequence[tuple[str, str]]
    ):
        self.root = repo_root
        self.root_norm = normalize(str(repo_root.resolve() if repo_root.exists() else repo_root))
        self.files = {normalize(f) for f in repo_files}
        self.by_name: dict[str, list[list[str]]] = {}
        for f in self.files:
            parts = _parts(f)
            if parts:
                self.by_name.setdefault(parts[-1].lower(), []).append(parts)
        self.path_map = sorted(
            ((normalize(a).rstrip("/"), normalize(b)) for a, b in path_map),
            key=lambda ab: -len(ab[0]),
        )

    def mapped(self, path: str) -> tuple[str | None, bool]:
        """An explicit --path-map rewrite (flag True), or the path's place under the repo root."""
        p = normalize(path)
        root = self.root_norm.rstrip("/")
        for src, dst in self.path_map:
            if p == src or p.startswith(src + "/"):
                rest = p[len(src) :].lstrip("/")
                target = normalize(dst)
                if root and (target == root or target.startswith(root + "/")):
                    target = target[len(root) :].lstrip("/") or "."
                return "/".join(_parts(f"{target}/{rest}")), True
        if root and p.startswith(root + "/"):
            return "/".join(_parts(p[len(root) + 1 :])), False
        return None, False

    def candidates(self, path: str) -> tuple[list[str], int, bool]:
        """Best suffix matches, the matched depth, and whether each match is a whole repo path."""
        parts = _parts(path)
        if not parts:
            return [], 0, False
        scored: list[tuple[int, bool, str]] = []
        for cand in self.by_name.get(parts[-1].lower(), []):
            k = 0
            while k < min(len(cand), len(parts)) and cand[-1 - k] == parts[-1 - k]:
                k += 1
            if k:
                scored.append((k, k == len(cand), "/".join(cand)))
        if not scored:
            return [], 0, False
        full = [s for s in scored if s[1]]
        pool = full or scored
        best = max(s[0] for s in pool)
        names = sorted(s[2] for s in pool if s[0] == best)
        if not full and best < 2 and best < len(parts):
            # Only the file name agrees, and the trace's path says more: too weak on its own.
            return names, best, False
        return names, best, True


def locate(
    trace: Trace,
    repo_root: Path,
    repo_files: Collection[str],
    path_map: Sequence[tuple[str, str]] = (),
    read_lines: ReadLines | None = None,
) -> LocateReport:
    """Classify every frame and map repo frames onto repo files; updates frames in place."""
    report = LocateReport()
    matcher = _Matcher(Path(repo_root), repo_files, path_map)
    reader = read_lines or _file_reader(Path(repo_root))
    cache: dict[str, tuple[FrameKind, str | None]] = {}
    line_cache: dict[str, list[str] | None] = {}

    def lines_of(rel: str) -> list[str] | None:
        if rel not in line_cache:
            try:
                line_cache[rel] = reader(rel)
            except (OSError, UnicodeError, ValueError, KeyError):
                line_cache[rel] = None
        return line_cache[rel]

    for frame in _frames(trace):
        key = frame.file
        if key not in cache:
            cache[key] = _classify(frame, matcher, report, lines_of)
        frame.kind, frame.repo_path = cache[key]
        if frame.repo_path is None:
            continue
        report.mapped += 1
        _check_stale(frame, lines_of(frame.repo_path), report)
    for exc in _records(trace.chain):
        if exc.syntax is not None:
            kind, rel = cache.get(exc.syntax.file) or _classify(
                Frame(exc.syntax.file, exc.syntax.line, None, exc.syntax.text),
                matcher,
                report,
                lines_of,
            )
            exc.syntax.repo_path = rel if kind == "repo" else None
    return report


def classify(trace: Trace) -> None:
    """Mark stdlib and third-party frames when there is no repo to map onto."""
    for frame in _frames(trace):
        if frame.file.startswith("<"):
            frame.kind = "stdlib" if frame.file.startswith("<frozen") else "unknown"
        elif _THIRD_PARTY.search(normalize(frame.file)):
            frame.kind = "third_party"
        elif is_stdlib(frame.file):
            frame.kind = "stdlib"


def _classify(
    frame: Frame,
    matcher: _Matcher,
    report: LocateReport,
    lines_of: Callable[[str], list[str] | None],
) -> tuple[FrameKind, str | None]:
    path = frame.file
    if path.startswith("<") and path.endswith(">"):
        return ("stdlib" if path.startswith("<frozen") else "unknown"), None
    norm = normalize(path)
    explicit, via_map = matcher.mapped(path)
    if explicit is not None and explicit in matcher.files:
        return "repo", explicit
    if _THIRD_PARTY.search(norm):
        inner = re.split(r"(?:site-packages|dist-packages)/", norm, flags=re.IGNORECASE)[-1]
        if inner in matcher.files and matcher.root_norm and not norm.startswith(matcher.root_norm):
            report.warnings.append(
                f"{path}: installed copy of repo file {inner} (site-packages); mapped to the repo"
            )
            return "repo", inner
        return "third_party", None
    if explicit is not None:
        if via_map:
            report.warnings.append(f"{path}: --path-map gives {explicit}, not a file of the repo")
        elif _is_py(explicit) and (matcher.root / explicit).is_file():
            return "repo", explicit
    if is_stdlib(path):
        return "stdlib", None
    names, _depth, strong = matcher.candidates(path)
    if not names:
        return "unknown", None
    if len(names) > 1 or not strong:
        verified = [n for n in names if _source_matches(frame, lines_of(n))]
        if len(verified) == 1:
            return "repo", verified[0]
        if len(names) > 1:
            report.ambiguous.append((path, names))
            report.warnings.append(
                f"{path}: matches {len(names)} repo files ({', '.join(names[:5])}); "
                "pass --path-map FROM=TO to choose"
            )
        return "unknown", None
    return "repo", names[0]


def _is_py(path: str) -> bool:
    return PurePosixPath(path).suffix in (".py", ".pyw", ".pyi")


def _source_matches(frame: Frame, lines: list[str] | None) -> bool:
    if not lines or not frame.source or not frame.line or frame.line > len(lines):
        return False
    return lines[frame.line - 1].strip() == frame.source.strip()


def _check_stale(frame: Frame, lines: list[str] | None, report: LocateReport) -> None:
    """Compare the printed source with the file today; follow the line if it moved."""
    if frame.line is not None and frame.line < 1:
        # `line -1` / `line 0` (a mangled paste): no line of the file; the frame still counts.
        report.warnings.append(f"{frame.repo_path}: line {frame.line} is not a line; ignored")
        frame.line = None
    frame.repo_line = frame.line
    if lines is None or frame.line is None:
        return
    if not frame.source:
        if frame.line > len(lines):
            frame.stale = True
            frame.repo_line = None
            report.stale.append(frame)
            report.warnings.append(
                f"{frame.repo_path}:{frame.line}: the file has only {len(lines)} lines now (stale trace?)"
            )
        return
    want = frame.source.strip()
    if 1 <= frame.line <= len(lines) and lines[frame.line - 1].strip() == want:
        return
    frame.stale = True
    report.stale.append(frame)
    hits = [i + 1 for i, text in enumerate(lines) if text.strip() == want]
    if hits:
        frame.repo_line = min(hits, key=lambda n: (abs(n - frame.line), n))  # type: ignore[operator]
        report.warnings.append(
            f"{frame.repo_path}:{frame.line}: the file changed since the trace; "
            f"its line is now {frame.repo_line}"
        )
    else:
        frame.repo_line = frame.line if frame.line <= len(lines) else None
        report.warnings.append(
            f"{frame.repo_path}:{frame.line}: the file changed since the trace and the printed "
            f"line {want[:60]!r} is no longer in it"
        )


def _records(chain: list[ExceptionRecord]) -> Iterator[ExceptionRecord]:
    for exc in chain:
        yield from _records(exc.chain_before)
        yield exc
        yield from _records(exc.group)


def _frames(trace: Trace) -> Iterator[Frame]:
    for exc in _records(trace.chain):
        yield from exc.frames


def _file_reader(root: Path) -> ReadLines:
    def read(rel: str) -> list[str]:
        with open(root / rel, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines

    return read


def is_windows_path(path: str) -> bool:
    return bool(_WINDOWS_ABS.match(path))
