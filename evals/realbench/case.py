"""`evals/real/<id>/case.toml`: the `[bug]` inputs a person writes, and the tables `build` derives.

The schema is documented in evals/real/README.md; `load` checks it and `dump` writes it back in the
same order, so a rebuilt case diffs cleanly.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - 3.10
    import tomli as tomllib

REAL_DIR = Path(__file__).resolve().parent.parent / "real"
_ID = re.compile(r"^[a-z0-9][a-z0-9_.]*(?:-[a-z0-9_.]+)*-\d+$")
_SHA = re.compile(r"^[0-9a-f]{40}$")
_REPO = re.compile(r"^[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*$")
_PY = re.compile(r"^3\.\d{1,2}$")
_BUG_KEYS = {
    "id", "project", "source", "repo", "buggy_commit", "fixed_commit", "python",
    "requirements", "pythonpath", "tests", "env", "src_files",
}  # fmt: skip


class CaseFormatError(ValueError):
    """A case.toml that does not follow the schema in evals/real/README.md."""


@dataclass(frozen=True, slots=True)
class Location:
    file: str
    function: str  # qualified name inside the file, or "<module>"
    lines: tuple[int, ...]


@dataclass(slots=True)
class RealCase:
    dir: Path
    id: str
    project: str
    source: str
    repo: str
    buggy_commit: str
    fixed_commit: str
    python: str
    requirements: list[str]
    pythonpath: list[str]
    tests: list[str]
    env: dict[str, str] = field(default_factory=dict)
    src_files: list[str] = field(default_factory=list)
    # derived by `build`
    locations: list[Location] = field(default_factory=list)
    root_in_traceback: bool | None = None
    trace: dict[str, Any] = field(default_factory=dict)

    @property
    def built(self) -> bool:
        return bool(self.locations) and (self.dir / "trace.txt").is_file()


def mirrors_dir() -> Path:
    return Path(os.environ.get("DEBUGAI_REAL_MIRRORS", "/work/.mirror"))


def work_dir() -> Path:
    return Path(os.environ.get("DEBUGAI_REAL_WORK", "/work/realbench"))


def mirror_of(case: RealCase) -> Path:
    """The mirror's git directory: `<owner>+<name>/repo`, bare, or with its `.git` inside."""
    owner, name = case.repo.split("/")
    repo = mirrors_dir() / f"{owner}+{name}" / "repo"
    return repo / ".git" if (repo / ".git" / "HEAD").is_file() else repo


def _str_list(bug: dict[str, Any], key: str, where: Path) -> list[str]:
    value = bug.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseFormatError(f"{where}: [bug].{key} must be a list of strings")
    return list(value)


def load(case_dir: str | Path) -> RealCase:
    path = Path(case_dir) / "case.toml"
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise CaseFormatError(f"{path}: no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CaseFormatError(f"{path}: not valid TOML ({exc})") from None
    bug = data.get("bug")
    if not isinstance(bug, dict):
        raise CaseFormatError(f"{path}: no [bug] table")
    unknown = set(bug) - _BUG_KEYS
    if unknown:
        raise CaseFormatError(f"{path}: unknown [bug] keys {sorted(unknown)}")
    for key in ("id", "project", "source", "repo", "buggy_commit", "fixed_commit", "python"):
        if not isinstance(bug.get(key), str) or not bug[key]:
            raise CaseFormatError(f"{path}: [bug].{key} must be a non-empty string")
    checks = (
        ("id", _ID, "<project>-<n>"),
        ("repo", _REPO, "owner/name"),
        ("buggy_commit", _SHA, "40 hex digits"),
        ("fixed_commit", _SHA, "40 hex digits"),
        ("python", _PY, "a minor version like 3.8"),
    )
    for key, pattern, what in checks:
        if not pattern.match(bug[key]):
            raise CaseFormatError(f"{path}: [bug].{key} = {bug[key]!r} is not {what}")
    if bug["id"] != path.parent.name:
        raise CaseFormatError(f"{path}: [bug].id {bug['id']!r} differs from its folder name")
    env = bug.get("env", {})
    if not isinstance(env, dict) or not all(isinstance(v, str) for v in env.values()):
        raise CaseFormatError(f"{path}: [bug].env must be a table of strings")
    case = RealCase(
        dir=path.parent,
        id=bug["id"],
        project=bug["project"],
        source=bug["source"],
        repo=bug["repo"],
        buggy_commit=bug["buggy_commit"],
        fixed_commit=bug["fixed_commit"],
        python=bug["python"],
        requirements=_str_list(bug, "requirements", path),
        pythonpath=_str_list(bug, "pythonpath", path) or ["."],
        tests=_str_list(bug, "tests", path),
        env=dict(env),
        src_files=_str_list(bug, "src_files", path),
    )
    if not case.tests:
        raise CaseFormatError(f"{path}: [bug].tests is empty")
    truth = data.get("truth", {})
    for loc in truth.get("locations", []):
        case.locations.append(
            Location(file=loc["file"], function=loc["function"], lines=tuple(loc["lines"]))
        )
    if "root_in_traceback" in truth:
        case.root_in_traceback = bool(truth["root_in_traceback"])
    case.trace = dict(data.get("trace", {}))
    return case


def load_all(root: str | Path = REAL_DIR) -> list[RealCase]:
    dirs = sorted(p.parent for p in Path(root).glob("*/case.toml"))
    return [load(d) for d in dirs]


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def _key(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else json.dumps(k)


def dump(case: RealCase) -> str:
    """The case as TOML: [bug], then the derived [truth] and [trace] when present."""
    bug: dict[str, Any] = {
        "id": case.id,
        "project": case.project,
        "source": case.source,
        "repo": case.repo,
        "buggy_commit": case.buggy_commit,
        "fixed_commit": case.fixed_commit,
        "python": case.python,
        "requirements": case.requirements,
        "pythonpath": case.pythonpath,
        "tests": case.tests,
        "env": case.env,
    }
    if case.src_files:
        bug["src_files"] = case.src_files
    out = ["[bug]"] + [f"{_key(k)} = {_value(v)}" for k, v in bug.items()]
    if case.locations:
        out += ["", "[truth]", "locations = ["]
        for loc in case.locations:
            item = {"file": loc.file, "function": loc.function, "lines": list(loc.lines)}
            out.append(f"  {_value(item)},")
        out.append("]")
        if case.root_in_traceback is not None:
            out.append(f"root_in_traceback = {_value(case.root_in_traceback)}")
    if case.trace:
        out += ["", "[trace]"] + [f"{_key(k)} = {_value(v)}" for k, v in case.trace.items()]
    return "\n".join(out) + "\n"


def save(case: RealCase) -> None:
    path = case.dir / "case.toml"
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(dump(case), "utf-8")
    os.replace(tmp, path)
