"""Strategies for code that never ran: a SyntaxError's own location, a misspelled local module."""

from __future__ import annotations

import difflib

from debugai.agent.static.analysis import Analyzer, Step
from debugai.agent.static.patterns import Match
from debugai.agent.static.suspects import Suspect, from_trail

# Above any frame: the parser names the line, and nothing before it ran.
SYNTAX_SCORE = 0.95
# Above missing_module's "declare the dependency" (0.75): the package is the repo's own.
LOCAL_TYPO_SCORE = 0.85


def syntax_error(an: Analyzer, m: Match) -> list[Suspect]:
    """The file and line a SyntaxError names, when that file is the repo's."""
    out: list[Suspect] = []
    for exc in reversed(an.trace.chain):
        info = exc.syntax
        if info is None or info.repo_path is None or not info.line:
            continue
        if info.repo_path not in an.index.files:
            continue
        problem = exc.message.strip().splitlines()[0] if exc.message.strip() else exc.type
        code = (info.text or an.line_text(info.repo_path, info.line)).strip()
        step = Step(
            info.repo_path,
            info.line,
            an.sym_at(info.repo_path, info.line) or an.index.module_of(info.repo_path),
            f"{exc.short_type}: {problem}",
            root=True,
            reason=problem,
            kind="syntax",
        )
        extra = {"reason": problem, "code": code, "category": "syntax"}
        out.append(from_trail(an, [step], SYNTAX_SCORE, extra))
        break
    return out


def local_module(an: Analyzer, m: Match) -> list[Suspect]:
    """`import app.mian` where `app` is the repo's own package: the name is misspelled."""
    module = m.groups.get("module", "")
    parts = module.split(".")
    if len(parts) < 2:
        return []
    modules = {mod for mod in (an.index.module_of(f) for f in an.index.files) if mod}
    package = ".".join(parts[:-1])
    if module in modules or not any(mod.startswith(package + ".") for mod in modules):
        return []
    siblings = sorted(mod for mod in modules if mod.rsplit(".", 1)[0] == package)
    close = difflib.get_close_matches(module, siblings, n=1, cutoff=0.75)
    if not close:
        return []
    out: list[Suspect] = []
    for file in sorted(an.index.files):
        for i, text in enumerate(an.index.lines(file)):
            words = text.split()
            if len(words) >= 2 and words[0] in ("from", "import") and words[1] == module:
                step = Step(
                    file,
                    i + 1,
                    an.sym_at(file, i + 1),
                    f"imports `{module}`, which is not a module of the project",
                    root=True,
                    reason=f"`{package}` is the project's own package",
                    kind="import",
                )
                extra = {"module": module, "close": close[0]}
                out.append(from_trail(an, [step], LOCAL_TYPO_SCORE, extra))
    return out[:3]
