"""Eval cases: load and validate `evals/cases/<id>/case.toml` into typed dataclasses.

The format is fixed (two engineers write cases against it; the harness reads it):

    id, category, summary, requires
    [run]   command (list, "{python}" = the harness's interpreter), env, timeout
    [truth] file, line, end_line, symbol, chain, root_in_traceback, fix

`load_case` checks types, names and that the ground truth points at real code (file, line span,
symbol, every chain symbol); whether `root_in_traceback` is true needs the captured output and is
checked by `debugai.evals.capture`.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
import tokenize
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from debugai.errors import EvalFailure

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - 3.10
    import tomli as tomllib

CASES_DIR = Path(__file__).resolve().parent / "cases"

CATEGORIES: tuple[str, ...] = (
    "none-propagation",
    "env-config",
    "dependency-driver",
    "fastapi-depends",
    "sqlalchemy-session",
    "pydantic-drift",
    "async-trap",
    "circular-import",
    "signature-drift",
    "shared-state",
    "data-shape",
    "test-assertion",
)

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DOTTED = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")
_TOP_KEYS = {"id", "category", "summary", "requires", "run", "truth"}
_RUN_KEYS = {"command", "env", "timeout"}
_TRUTH_KEYS = {"file", "line", "end_line", "symbol", "chain", "root_in_traceback", "fix"}


class CaseError(EvalFailure):
    """A case.toml that is malformed or whose ground truth does not match its project."""


@dataclass(frozen=True, slots=True)
class Run:
    """How to reproduce the failure: argv run in the project dir with extra env."""

    command: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    timeout: float = 60.0

    def argv(self, python: str) -> list[str]:
        """The command with `{python}` replaced by the given interpreter."""
        return [part.replace("{python}", python) for part in self.command]


@dataclass(frozen=True, slots=True)
class Truth:
    """Ground truth: the lines a developer would change, and the chain down to the crash."""

    file: str  # relative to project/, POSIX
    line: int
    end_line: int
    symbol: str  # dotted: module path from the project root + qualname
    chain: tuple[str, ...]  # root cause first, ending at the function that raised
    root_in_traceback: bool
    fix: str

    def overlaps(self, file: str, start: int, end: int) -> bool:
        """Whether the truth span shares a line with file:start..end."""
        return file == self.file and start <= self.end_line and self.line <= end


@dataclass(frozen=True, slots=True)
class Case:
    """One eval case: a runnable project, its captured output, and the ground truth."""

    id: str
    category: str
    summary: str
    requires: tuple[str, ...]
    run: Run
    truth: Truth
    dir: Path  # evals/cases/<id>

    @property
    def project_dir(self) -> Path:
        return self.dir / "project"

    @property
    def output_path(self) -> Path:
        return self.dir / "output.txt"

    @property
    def toml_path(self) -> Path:
        return self.dir / "case.toml"

    def output(self) -> str:
        """The captured output; a CaseError when it has not been captured yet."""
        try:
            return self.output_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CaseError(
                f"{self.id}: no output.txt; run `python -m debugai.evals.capture {self.id}`"
            ) from None


def load_case(path: Path | str) -> Case:
    """Load and validate one case from its folder or its case.toml."""
    path = Path(path)
    toml_path = path if path.name == "case.toml" else path / "case.toml"
    case_dir = toml_path.parent
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaseError(f"{case_dir}: no case.toml") from None
    except tomllib.TOMLDecodeError as exc:
        raise CaseError(f"{toml_path}: invalid TOML: {exc}") from None
    case = _parse(data, case_dir)
    problems = truth_problems(case)
    if problems:
        raise CaseError(f"{case.id}: " + "; ".join(problems))
    return case


def discover(root: Path | str = CASES_DIR, pattern: str = "*") -> list[Case]:
    """Every case under root whose id matches the glob pattern, sorted by id."""
    root = Path(root)
    if not root.is_dir():
        raise CaseError(f"no cases folder at {root}")
    dirs = sorted(p.parent for p in root.glob("*/case.toml"))
    return [load_case(d) for d in dirs if fnmatch.fnmatchcase(d.name, pattern)]


# --- parsing ---------------------------------------------------------------------------------


def _parse(data: dict[str, Any], case_dir: Path) -> Case:
    where = str(case_dir / "case.toml")
    _no_unknown(data, _TOP_KEYS, where)
    case_id = _get(data, "id", str, where)
    if case_id != case_dir.name:
        raise CaseError(f"{where}: id {case_id!r} differs from the folder name {case_dir.name!r}")
    if not _ID.match(case_id):
        raise CaseError(f"{where}: id {case_id!r} must be lowercase-with-dashes")
    category = _get(data, "category", str, where)
    if category not in CATEGORIES:
        raise CaseError(f"{where}: unknown category {category!r}; one of {', '.join(CATEGORIES)}")
    if not case_id.startswith(category + "-"):
        raise CaseError(f"{where}: id {case_id!r} must start with its category {category!r}")
    requires = _str_list(data.get("requires", []), "requires", where, allow_empty=True)

    run_data = _get(data, "run", dict, where)
    _no_unknown(run_data, _RUN_KEYS, where + " [run]")
    command = _str_list(run_data.get("command"), "run.command", where, allow_empty=False)
    env = run_data.get("env", {})
    if not isinstance(env, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in env.items()
    ):
        raise CaseError(f"{where}: run.env must be a table of strings")
    timeout = run_data.get("timeout", 60)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise CaseError(f"{where}: run.timeout must be a positive number of seconds")

    t = _get(data, "truth", dict, where)
    tw = where + " [truth]"
    _no_unknown(t, _TRUTH_KEYS, tw)
    file = _get(t, "file", str, tw)
    pure = PurePosixPath(file)
    if pure.is_absolute() or ".." in pure.parts or "\\" in file:
        raise CaseError(f"{tw}: file must be a POSIX path relative to project/: {file!r}")
    line = _get(t, "line", int, tw)
    end_line = t.get("end_line", line)
    if not isinstance(end_line, int) or isinstance(end_line, bool):
        raise CaseError(f"{tw}: end_line must be an integer")
    if line < 1 or end_line < line:
        raise CaseError(f"{tw}: need 1 <= line <= end_line, got {line}..{end_line}")
    symbol = _get(t, "symbol", str, tw)
    chain = _str_list(t.get("chain"), "truth.chain", where, allow_empty=False)
    for name in (symbol, *chain):
        if not _DOTTED.match(name):
            raise CaseError(f"{tw}: {name!r} is not a dotted name")
    if chain[0] != symbol:
        raise CaseError(f"{tw}: chain must start at the root-cause symbol {symbol!r}")
    root_in_tb = _get(t, "root_in_traceback", bool, tw)
    fix = _get(t, "fix", str, tw)

    return Case(
        id=case_id,
        category=category,
        summary=_get(data, "summary", str, where),
        requires=tuple(requires),
        run=Run(command=tuple(command), env=dict(env), timeout=float(timeout)),
        truth=Truth(
            file=str(pure),
            line=line,
            end_line=end_line,
            symbol=symbol,
            chain=tuple(chain),
            root_in_traceback=root_in_tb,
            fix=fix,
        ),
        dir=case_dir,
    )


def _no_unknown(data: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise CaseError(f"{where}: unknown keys {', '.join(unknown)}")


def _get(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise CaseError(f"{where}: missing {key!r}")
    value = data[key]
    # bool is an int subclass; a `line = true` must not pass as line 1.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise CaseError(f"{where}: {key!r} must be {kind.__name__}, got {value!r}")
    if isinstance(value, str) and not value.strip():
        raise CaseError(f"{where}: {key!r} is empty")
    return value


def _str_list(value: Any, key: str, where: str, *, allow_empty: bool) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CaseError(f"{where}: {key} must be a list of non-empty strings")
    if not value and not allow_empty:
        raise CaseError(f"{where}: {key} is empty")
    return value


# --- ground truth against the project's code -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Definition:
    """A def/class (or a whole module) found in a project file."""

    file: str
    qualname: str  # "" for the module itself
    start: int  # first decorator line
    end: int
    is_function: bool


def _source(path: Path) -> str:
    """A source file's text in the encoding it declares (PEP 263), as Python reads it."""
    with tokenize.open(path) as fh:
        return fh.read()


class ProjectCode:
    """Parsed view of a case project: resolve dotted symbols and enclosing definitions."""

    def __init__(self, project_dir: Path) -> None:
        self.root = project_dir
        self._defs: dict[str, list[Definition]] = {}

    def exists(self, file: str) -> bool:
        return (self.root / file).is_file()

    def line_count(self, file: str) -> int:
        return len(_source(self.root / file).splitlines())

    def definitions(self, file: str) -> list[Definition]:
        """Every def/class in file, outermost first, with dotted qualnames."""
        if file not in self._defs:
            data = (self.root / file).read_bytes()
            found: list[Definition] = []
            try:
                _walk_defs(ast.parse(data, filename=file), "", file, found)
            except SyntaxError:
                # A case about a SyntaxError: tree-sitter recovers the defs around the error.
                _walk_ts_defs(data, file, found)
            self._defs[file] = found
        return self._defs[file]

    def module_file(self, module: str) -> str | None:
        """The project file for a dotted module path, if any."""
        base = module.replace(".", "/")
        for cand in (base + ".py", base + "/__init__.py"):
            if self.exists(cand):
                return cand
        return None

    def resolve(self, symbol: str) -> Definition | None:
        """The definition a dotted symbol names: longest module prefix, then a qualname in it."""
        parts = symbol.split(".")
        for cut in range(len(parts), 0, -1):
            file = self.module_file(".".join(parts[:cut]))
            if file is None:
                continue
            qualname = ".".join(parts[cut:])
            if not qualname:
                return Definition(file, "", 1, max(self.line_count(file), 1), False)
            for d in self.definitions(file):
                if d.qualname == qualname:
                    return d
            return None
        return None

    def statement_at(self, file: str, line: int) -> tuple[int, int] | None:
        """Line span (decorators included) of the top-level statement running at line."""
        tree = ast.parse((self.root / file).read_bytes(), filename=file)
        for node in tree.body:
            decorators = getattr(node, "decorator_list", [])
            start = min([node.lineno, *(d.lineno for d in decorators)])
            if start <= line <= (node.end_lineno or node.lineno):
                return start, node.end_lineno or node.lineno
        return None

    def enclosing(self, file: str, line: int, name: str | None = None) -> Definition | None:
        """Innermost def/class around line, preferring one called name (a frame's function)."""
        around = [d for d in self.definitions(file) if d.start <= line <= d.end]
        if name:
            named = [d for d in around if d.qualname.rsplit(".", 1)[-1] == name]
            if named:
                return named[-1]
        funcs = [d for d in around if d.is_function]
        return funcs[-1] if funcs else None


def _walk_defs(node: ast.AST, prefix: str, file: str, out: list[Definition]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            qual = f"{prefix}.{child.name}" if prefix else child.name
            start = min([child.lineno, *(d.lineno for d in child.decorator_list)])
            end = child.end_lineno or child.lineno
            is_func = not isinstance(child, ast.ClassDef)
            out.append(Definition(file, qual, start, end, is_func))
            _walk_defs(child, qual, file, out)
        else:
            _walk_defs(child, prefix, file, out)


def module_name(file: str) -> str:
    """Dotted module path of a project-relative .py file."""
    parts = list(PurePosixPath(file).with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _walk_ts_defs(data: bytes, file: str, out: list[Definition]) -> None:
    from debugai.indexers.files import as_utf8
    from debugai.indexers.parser import parse_source

    def walk(node: Any, prefix: str) -> None:
        for child in node.children:
            target = child
            if child.type == "decorated_definition":
                target = child.child_by_field_name("definition") or child
            if target.type in ("function_definition", "class_definition"):
                name_node = target.child_by_field_name("name")
                name = name_node.text.decode() if name_node is not None else "?"
                qual = f"{prefix}.{name}" if prefix else name
                start, end = child.start_point[0] + 1, child.end_point[0] + 1
                out.append(Definition(file, qual, start, end, target.type != "class_definition"))
                walk(target, qual)
            else:
                walk(child, prefix)

    walk(parse_source(as_utf8(data)).root_node, "")


def truth_problems(case: Case) -> list[str]:
    """What is wrong with the ground truth against the project code (empty when it holds)."""
    t = case.truth
    code = ProjectCode(case.project_dir)
    if not case.project_dir.is_dir():
        return [f"no project/ folder in {case.dir}"]
    if not code.exists(t.file):
        return [f"truth.file {t.file} does not exist in project/"]
    problems: list[str] = []
    n = code.line_count(t.file)
    if t.end_line > n:
        problems.append(
            f"truth span {t.line}..{t.end_line} is past the end of {t.file} ({n} lines)"
        )
    try:
        root = code.resolve(t.symbol)
    except SyntaxError as exc:
        return [f"cannot parse {exc.filename}: {exc.msg}"]
    if root is None:
        problems.append(f"truth.symbol {t.symbol} is not a def/class/module in project/")
    elif root.file != t.file:
        problems.append(f"truth.symbol {t.symbol} is defined in {root.file}, not {t.file}")
    elif not (root.start <= t.line and t.end_line <= root.end):
        problems.append(
            f"truth span {t.line}..{t.end_line} is outside {t.symbol} ({root.start}..{root.end})"
        )
    for name in t.chain[1:]:
        try:
            if code.resolve(name) is None:
                problems.append(f"chain symbol {name} is not a def/class/module in project/")
        except SyntaxError as exc:
            problems.append(f"cannot parse {exc.filename}: {exc.msg}")
    return problems
