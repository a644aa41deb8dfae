"""Strategies for configuration: environment variables, database URLs, missing modules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from debugai.agent.static.analysis import Analyzer, Step, short
from debugai.agent.static.envnames import config_texts, env_similar
from debugai.agent.static.patterns import Match
from debugai.agent.static.suspects import Suspect, from_trail

if TYPE_CHECKING:
    pass


DRIVERS = {
    "psycopg2": "postgresql",
    "psycopg": "postgresql",
    "asyncpg": "postgresql+asyncpg",
    "pymysql": "mysql+pymysql",
    "MySQLdb": "mysql",
    "aiosqlite": "sqlite+aiosqlite",
    "aiomysql": "mysql+aiomysql",
    "cx_Oracle": "oracle",
    "oracledb": "oracle",
    "pyodbc": "mssql+pyodbc",
}


def env_key(an: Analyzer, m: Match) -> list[Suspect]:
    var = m.groups.get("key") or m.groups.get("var") or ""
    reads = [r for r in an.index.env_reads if r.var == var]
    close, sim = env_similar(an, var)
    out = []
    for r in reads[:3]:
        step = Step(
            r.file,
            r.line,
            r.symbol,
            f"reads environment variable `{var}` ({r.how})",
            root=True,
            reason="environment variable not set",
            kind="env",
        )
        out.append(from_trail(an, [step], 0.85, {"var": var, "similar": sim}))
    if close:  # the other spelling's place: one of the two is wrong
        for r in an.index.env_reads:
            if r.var == close[0]:
                step = Step(
                    r.file,
                    r.line,
                    r.symbol,
                    f"reads `{close[0]}` (vs `{var}`)",
                    root=True,
                    reason="variable name differs",
                    kind="env",
                )
                out.append(from_trail(an, [step], 0.8, {"var": var, "similar": sim}))
    return out


def db_url(an: Analyzer, m: Match) -> list[Suspect]:
    scheme = m.groups.get("scheme", "").split(".")[0]
    out: list[Suspect] = []
    pat = re.compile(rf"\b{re.escape(scheme)}(\+\w+)?://" if scheme else r"\w+(\+\w+)?://")
    hits: list[tuple[str, int, str]] = []
    for file in an.index.files:
        for i, text in enumerate(an.index.lines(file)):
            if pat.search(text):
                hits.append((file, i + 1, text))
    hits.extend(h for h in config_texts(an) if pat.search(h[2]))
    for file, line, text in hits[:4]:
        sym = an.sym_at(file, line) if file.endswith(".py") else None
        step = Step(
            file,
            line,
            sym,
            f"builds the database URL: `{short(text.strip())}`",
            root=True,
            reason="URL scheme",
            kind="config",
        )
        out.append(from_trail(an, [step], 0.85 if file.endswith(".py") else 0.8, {}))
    for r in an.index.env_reads:
        if re.search(r"(URL|DSN|URI)", r.var):
            step = Step(
                r.file,
                r.line,
                r.symbol,
                f"reads the database URL from `{r.var}`",
                root=True,
                reason="URL from the environment",
                kind="env",
            )
            out.append(from_trail(an, [step], 0.6, {}))
    return out


def missing_module(an: Analyzer, m: Match) -> list[Suspect]:
    module = m.groups.get("module", "")
    top = module.split(".")[0]
    out: list[Suspect] = []
    declared = _declared_dependencies(an.index.root)
    in_repo = an.index.file_of(top) is not None or any(
        mod.split(".")[0] == top for mod in (an.index.module_of(f) for f in an.index.files) if mod
    )
    if top in DRIVERS:  # a driver SQLAlchemy loads for a URL: the URL chose it
        for s in db_url(an, Match(m.pattern, {"scheme": DRIVERS[top].split("+")[0]})):
            s.score = max(s.score, 0.8)
            s.variables["reason"] = f"the database URL selects the `{top}` driver"
            out.append(s)
    importers = []
    pat = re.compile(rf"^\s*(from\s+{re.escape(module)}\b|import\s+{re.escape(module)}\b)")
    for file in an.index.files:
        for i, text in enumerate(an.index.lines(file)):
            if pat.match(text):
                importers.append((file, i + 1))
    reason = (
        f"`{top}` is declared in the project's dependencies but not installed here"
        if top.lower() in declared
        else f"`{top}` is imported but not declared in the project's dependencies"
    )
    sim = ""
    if in_repo or an.index.close_matches(module):
        close = an.index.close_matches(module, 1)
        sim = f"Did you mean `{close[0]}`?" if close else ""
    for file, line in importers[:3]:
        step = Step(
            file,
            line,
            an.sym_at(file, line),
            f"imports `{module}`",
            root=True,
            reason=reason,
            kind="import",
        )
        out.append(
            from_trail(an, [step], 0.75, {"module": module, "reason": reason, "similar": sim})
        )
    return out


def _declared_dependencies(root: Path) -> set[str]:
    names: set[str] = set()
    for path in list(root.glob("requirements*.txt")) + list(root.glob("*/requirements*.txt")):
        for text in path.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r"\s*([A-Za-z0-9_.\-]+)", text)
            if m and not text.strip().startswith(("#", "-")):
                names.add(m.group(1).lower().replace("-", "_"))
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        text = pyproject.read_text(encoding="utf-8", errors="replace")
        names.update(n.lower().replace("-", "_") for n in re.findall(r'"([A-Za-z0-9_.\-]+)', text))
    return names
