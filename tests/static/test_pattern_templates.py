"""Pattern templates: golden renders per pattern file, and no variable ever left unfilled.

A template naming a variable its strategy does not give would show the user `?` or a dangling
"builds it with."; `fill(strict=True)` makes that an error, and every eval case is explained
with the engine in that mode. After a deliberate change to a pattern file:

    DEBUGAI_UPDATE_GOLDEN=1 pytest tests/static/test_pattern_templates.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from debugai.agent.static import patterns
from debugai.agent.static.engine import StaticEngine
from debugai.api import open_index, read_trace
from debugai.evals.case import Case, discover

GOLDEN = Path(__file__).parent.parent / "golden" / "patterns"
UPDATE = os.environ.get("DEBUGAI_UPDATE_GOLDEN") == "1"
ESSENTIAL = {
    "type": "AttributeError",
    "message": "'NoneType' object has no attribute 'encode'",
    "raise_site": "app/security.py:10",
    "producer": "app.settings.load_settings",
    "producer_site": "app/settings.py:17",
    "attr": "encode",
    "key": "sub",
    "module": "app.mian",
    "scheme": "postgres",
    "close": "app.main",
}
OPTIONAL = {
    "similar": "Did you mean `NOTES_SECRET_KEY` (set in .env.example)?",
    "reason": "falls off the end of its if/elif branches",
    "callee": "json.dumps",
    "op": "a number",
    "typ": "str",
    "receiver": "settings.secret_key",
    "name": "Settings",
    "var": "NOTES_SECRETKEY",
    "code": "if tag in note.tags",
}
# `?` for a value, a colon before nothing, an emptied "(`{x}`)", a clause cut off before its full stop, a raw field.
LEAKS = re.compile(r":\.|`\?`|\.\?(?!\w)|``|\(\s+\)|\bwith\s*[.,]|\{\w+\}|\[\?|\?\]|\s\?(?:\s|$)")


def _pattern_files() -> list[str]:
    from importlib import resources

    folder = resources.files("debugai.prompts").joinpath("patterns")
    return sorted(e.name for e in folder.iterdir() if e.name.endswith(".toml"))


def _render_file(name: str) -> str:
    from importlib import resources

    import tomllib

    text = resources.files("debugai.prompts").joinpath("patterns", name).read_text("utf-8")
    out: list[str] = []
    for p in tomllib.loads(text)["pattern"]:
        for label, variables in (("all", {**ESSENTIAL, **OPTIONAL}), ("essential", ESSENTIAL)):
            for part in ("explanation", "fix"):
                rendered = patterns.fill(p.get(part, ""), variables, strict=True)
                out.append(f"[{p['id']} {part} {label}]\n{rendered}\n")
    return "\n".join(out)


@pytest.mark.parametrize("name", _pattern_files())
def test_every_pattern_renders_to_its_golden_text_without_leaks(name: str) -> None:
    text = _render_file(name)
    for line in text.splitlines():
        if not line.startswith("["):
            assert not LEAKS.search(line), f"{name}: template leak in {line!r}"
    path = GOLDEN / f"{Path(name).stem}.txt"
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        if not UPDATE:
            pytest.fail(f"wrote missing golden {path}; review it and run again")
    assert text == path.read_text(), f"{name} renders differently; if intended: {__doc__}"


def test_templates_name_only_variables_a_strategy_can_give() -> None:
    known = set(ESSENTIAL) | set(OPTIONAL)
    for p in patterns.load_patterns():
        groups = set(p.message.groupindex)
        for part in (p.explanation, p.fix):
            assert patterns.variables_of(part) <= known | groups, (p.id, part)


def test_fill_drops_what_has_no_value_and_strict_mode_refuses_it() -> None:
    assert (
        patterns.fill("`{var}` is not set. {similar}", {"var": "DB_URL"}) == "`DB_URL` is not set."
    )
    assert patterns.fill("a ({reason}) b", {}) == "a b"
    assert patterns.fill(
        "x ({producer_site})[?, which has {similar}?].", {"producer_site": "a.py:3"}
    ) == ("x (a.py:3).")
    # An essential variable without a value takes its sentence with it, never reads `?`.
    assert patterns.fill("Set it at {producer_site}. Then restart.", {}) == "Then restart."
    with pytest.raises(patterns.MissingVariable):
        patterns.fill("Set it at {producer_site}.", {}, strict=True)
    # Literal code in a template stays as written: `SessionLocal()` keeps its parentheses.
    assert "SessionLocal()" in patterns.fill("around `with SessionLocal() as s:`", {})


@pytest.mark.parametrize("case", discover(), ids=lambda c: c.id)
def test_every_eval_case_renders_with_no_variable_missing(case: Case) -> None:
    index = open_index(case.project_dir, cache=False)
    trace = read_trace(case.output(), index)
    diag = StaticEngine(use_git=False, debug=True).diagnose(trace, index)
    texts = [diag.root_cause.explanation if diag.root_cause else ""]
    texts.append(diag.fix.summary if diag.fix else "")
    for text in texts:
        assert not re.search(r"`\?`|\.\?(?!\w)|\bwith\s*\.|``|\{\w+\}", text), text
