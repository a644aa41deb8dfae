"""Typed records of the index. Plain frozen dataclasses: cheap to build, to cache and to compare.

Node ids are qualified dotted names: modules `app.users`, classes `app.users.User`, functions and
methods `app.users.get_user`, `app.users.User.save`, nested `app.users.outer.inner`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# A lambda is a node of the call graph (calls to and from it are edges) but not a "function"
# to the engine: frames and candidates name defs, and symbol_at() looks through lambdas.
SymbolKind = Literal["module", "class", "function", "lambda"]
EdgeKind = Literal["contains", "imports", "calls", "inherits", "reads_env"]

# Edge kinds as constants so callers do not spell strings.
CONTAINS: EdgeKind = "contains"
IMPORTS: EdgeKind = "imports"
CALLS: EdgeKind = "calls"
INHERITS: EdgeKind = "inherits"
READS_ENV: EdgeKind = "reads_env"


@dataclass(frozen=True, slots=True)
class NonePath:
    """A way a function can hand back None: `return None`, bare `return`, fall-through, ..."""

    line: int
    # "return None" | "bare return" | "fall-through" | "conditional None" (`x if c else None`)
    # | ".first()" | ".get()" | ".scalar()" | ".scalar_one_or_none()" | ".one_or_none()"
    # | "getattr(..., None)" | "next(..., None)" | "re.match()" (re.match/search/fullmatch)
    # | "os.getenv()" (no default)
    reason: str


@dataclass(frozen=True, slots=True)
class Symbol:
    id: str
    kind: SymbolKind
    name: str
    file: str  # repo-relative, POSIX separators
    line: int  # 1-based, first line of the definition (decorators excluded)
    end_line: int
    signature: str | None = None  # "(user_id: int, *, strict: bool = False) -> User | None"
    decorators: tuple[str, ...] = ()
    doc: str | None = None  # first line of the docstring
    none_paths: tuple[NonePath, ...] = ()  # functions only
    decorated_line: int | None = None  # first decorator line, when decorated


@dataclass(frozen=True, slots=True)
class EnvRead:
    """A read of configuration: os.getenv / os.environ[...] / os.environ.get / settings field."""

    symbol: str  # the function/class/module whose body holds the read
    file: str
    line: int
    var: str  # environment variable or settings field name ("?" when not a literal)
    how: str  # "getenv" | "environ[]" | "environ.get" | "settings"
    default: str | None = None  # source text of the default, if one is given


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A call kept as text because static analysis cannot name its target without guessing."""

    caller: str
    file: str
    line: int
    text: str  # "self.repo.fetch", "handlers[kind]"


@dataclass(frozen=True, slots=True)
class Assignment:
    """A module-level assignment: `SETTINGS = load()`, `engine = create_engine(URL)`."""

    module: str
    name: str
    file: str
    line: int
    value: str  # source text, truncated to 200 characters


@dataclass(slots=True)
class IndexStats:
    files: int = 0
    parsed: int = 0  # files re-parsed in this run (the rest came from the cache)
    symbols: int = 0
    edges: int = 0
    calls_total: int = 0
    calls_resolved: int = 0
    calls_external: int = 0  # resolved to something outside the repo (kept as external)
    errors: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # about files, then about the cache
    cache_warnings: list[str] = field(default_factory=list)  # the cache's part of warnings
    # Wall seconds per phase of the last build: scan, parse, link, save, assemble.
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def resolved_share(self) -> float:
        internal = self.calls_total - self.calls_external
        return self.calls_resolved / internal if internal > 0 else 1.0


@dataclass(frozen=True, slots=True)
class FileInfo:
    """One indexed file: where it is, the module it defines, and what went wrong reading it."""

    path: str  # repo-relative, POSIX separators
    module: str
    sha256: str
    n_lines: int
    error: str | None = None  # skipped or partially indexed, and why
