"""Everyday crashes (issue 15): each rule on its eval case and on a project it was not written for.

The eval cases are captured by running them (evals/cases/<id>); the small projects here crash
for real in a temporary folder, with other names and shapes than the cases.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_static_engine import crash, line_of, make_project

from debugai.agent.static.engine import StaticEngine
from debugai.api import explain, open_index, read_trace
from debugai.evals.case import discover

# Text a user must never read: an unfilled value, an emptied clause, a raw field.
LEAK = re.compile(r"`\?`|\.\?(?!\w)|\bwith\s*[.,]|``|\{\w+\}|:\.|\(\s*\)\s*[.,]")

# case id -> phrases the explanation and the fix must contain.
CASES = {
    "dependency-driver-syntax-error-notes": ("not valid Python (expected ':')", "app/notes.py:26"),
    "none-propagation-guarded-book-base-price": ("falls off the end", "base_price"),
    "data-shape-token-claims-sub-key": ("`user`", "write `sub`"),
    "env-config-secret-key-misspelled": (
        "Did you mean `NOTES_SECRET_KEY` (set in .env.example)?",
        "NOTES_SECRET_KEY",
    ),
    "env-config-settings-alias-typo": (
        "Did you mean `STRIPE_WEBHOOK_SECRET` (set in .env.example)?",
        "STRIPE_WEBHOOK_SECRET",
    ),
    "none-propagation-wrapped-import-header": ("find_header", "find_header"),
    "dependency-driver-local-module-typo": ("did you mean `app.main`", "`app.main` instead"),
}
CATEGORY = {"dependency-driver-syntax-error-notes": "syntax"}


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_everyday_case_ranks_its_root_first_with_the_right_words(case_id: str) -> None:
    (case,) = discover(pattern=case_id)
    index = open_index(case.project_dir, cache=False)
    diag = StaticEngine(use_git=False, debug=True).diagnose(read_trace(case.output(), index), index)
    rc = diag.root_cause
    assert rc is not None
    assert (rc.file, rc.symbol) == (case.truth.file, case.truth.symbol)
    assert case.truth.line <= rc.line <= case.truth.end_line
    assert rc.category == CATEGORY.get(case_id, case.category)
    assert diag.fix is not None
    said, fix = CASES[case_id]
    assert said in rc.explanation, rc.explanation
    assert fix in diag.fix.summary, diag.fix.summary
    for text in (rc.explanation, diag.fix.summary):
        assert not LEAK.search(text), text


def test_a_syntax_error_is_its_own_location_in_python_and_in_pytest(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/cart.py": """
                def total(items):
                    return sum(i.price for i in items
                """,
            "shop/run.py": "from shop.cart import total\n\nprint(total([]))\n",
            "tests/test_cart.py": "from shop.cart import total\n\n\ndef test_t():\n    assert total([]) == 0\n",
        },
    )
    plain = crash(p, "-m", "shop.run")
    tested = crash(p, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--tb=short", "tests")
    for trace in (plain, tested):
        diag = explain(trace, p, engine="static")
        rc = diag.root_cause
        assert rc is not None
        assert rc.file == "shop/cart.py" and rc.category == "syntax", (rc, trace)
        assert diag.error.type == "SyntaxError"
        assert not diag.error.message.lstrip().startswith("File"), diag.error.message


def test_a_misspelled_module_of_the_project_is_a_typo_not_a_dependency(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "billing/__init__.py": "",
            "billing/invoices.py": "def make():\n    return 1\n",
            "billing/cli.py": "from billing.invoice import make\n\nprint(make())\n",
        },
    )
    diag = explain(crash(p, "-m", "billing.cli"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None and rc.file == "billing/cli.py"
    assert "did you mean `billing.invoices`" in rc.explanation
    assert diag.fix is not None and "`billing.invoices` instead" in diag.fix.summary


def test_raise_from_is_explained_by_its_cause(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "jobs/__init__.py": "",
            "jobs/errors.py": "class JobFailed(RuntimeError):\n    pass\n",
            "jobs/lookup.py": """
                def owner_of(job):
                    for name, jobs in {"ann": ["a"], "bob": ["b"]}.items():
                        if job in jobs:
                            return name
                """,
            "jobs/runner.py": """
                from jobs.errors import JobFailed
                from jobs.lookup import owner_of


                def run(job):
                    try:
                        return owner_of(job).title()
                    except AttributeError as err:
                        raise JobFailed(f"job {job} failed") from err


                run("c")
                """,
        },
    )
    diag = explain(crash(p, "-m", "jobs.runner"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None
    assert rc.symbol == "jobs.lookup.owner_of", [c.symbol for c in diag.candidates]
    assert diag.error.type == "jobs.errors.JobFailed"  # the output still names what ended it


def test_a_none_its_caller_turns_away_does_not_beat_the_one_that_crashed(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "hr/__init__.py": "",
            "hr/staff.py": """
                PEOPLE = {"ann": "engineer", "bob": "intern"}


                def role_of(name):
                    return PEOPLE.get(name)


                def grade(role):
                    for prefix, level in (("eng", 3), ("man", 4)):
                        if role.startswith(prefix):
                            return level
                """,
            "hr/pay.py": """
                from hr.staff import grade, role_of


                def salary(name):
                    role = role_of(name)
                    if role is None:
                        raise LookupError(name)
                    return grade(role) * 1000 + len(role)


                print(salary("ann"), salary("bob"))
                """,
        },
    )
    diag = explain(crash(p, "-m", "hr.pay"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None
    assert rc.symbol == "hr.staff.grade", [c.symbol for c in diag.candidates]


def test_a_key_read_after_loads_finds_the_dumps_that_wrote_other_keys(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "inbox/__init__.py": "",
            "inbox/store.py": """
                import json


                def save(msg_id, text):
                    return json.dumps({"id": msg_id, "body": text})


                def load(raw):
                    return json.loads(raw)
                """,
            "inbox/show.py": """
                from inbox.store import load, save


                def render(raw):
                    msg = load(raw)
                    return f"{msg['id']}: {msg['text']}"


                print(render(save(1, "hi")))
                """,
        },
    )
    diag = explain(crash(p, "-m", "inbox.show"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None
    assert (rc.symbol, rc.line) == ("inbox.store.save", line_of(p, "inbox/store.py", "dumps"))
    assert "`text`" in rc.explanation and "`?`" not in rc.explanation


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("docker-compose.yml", "services:\n  api:\n    environment:\n      - API_TOKEN=abc\n"),
        (
            "tests/conftest.py",
            'def pytest_configure():\n    import os\n    os.environ["API_TOKEN"] = "t"\n',
        ),
    ],
)
def test_an_unset_variable_names_the_spelling_the_project_sets(
    tmp_path: Path, where: str, text: str
) -> None:
    p = make_project(
        tmp_path,
        {
            where: text,
            "client/__init__.py": "",
            "client/auth.py": """
                import os


                def header():
                    token = os.getenv("API_TOKN")
                    return "Bearer " + token.strip()


                print(header())
                """,
        },
    )
    diag = explain(crash(p, "-m", "client.auth"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None and rc.file == "client/auth.py" and rc.category == "env-config"
    assert f"Did you mean `API_TOKEN` (set in {where})?" in rc.explanation, rc.explanation
    assert "404" not in (diag.fix.summary if diag.fix else "")


def test_a_settings_field_with_a_misspelled_alias_is_configuration(tmp_path: Path) -> None:
    pytest.importorskip("pydantic_settings")
    p = make_project(
        tmp_path,
        {
            ".env.example": "SVC_SIGNING_KEY=change-me\nSVC_DEBUG=0\n",
            "svc/__init__.py": "",
            "svc/config.py": """
                from pydantic import Field
                from pydantic_settings import BaseSettings


                class Config(BaseSettings):
                    debug: bool = False
                    signing_key: str | None = Field(default=None, alias="SVC_SIGNINGKEY")


                config = Config()
                """,
            "svc/sign.py": """
                import hmac

                from svc.config import config


                def signature(body: bytes) -> str:
                    return hmac.new(config.signing_key.encode(), body, "sha256").hexdigest()


                print(signature(b"{}"))
                """,
        },
    )
    out = crash(p, "-m", "svc.sign", env={"SVC_SIGNING_KEY": "k"})
    index = open_index(p, cache=False)
    cands = StaticEngine(use_git=False).candidates(read_trace(out, index), index)
    contradicted = {c.symbol for c in cands if c.features["ev_contradiction"]}
    assert contradicted == {"svc.config.Config"}  # the project sets SVC_SIGNING_KEY, reads another
    diag = explain(out, p, engine="static")
    rc = diag.root_cause
    assert rc is not None
    assert (rc.file, rc.line) == ("svc/config.py", line_of(p, "svc/config.py", "alias="))
    assert rc.category == "env-config"
    assert "Did you mean `SVC_SIGNING_KEY` (set in .env.example)?" in rc.explanation
    assert diag.fix is not None and "404" not in diag.fix.summary
    assert "SVC_SIGNING_KEY" in diag.fix.summary


def test_a_none_whose_origin_is_not_found_is_not_blamed_on_the_raising_function(
    tmp_path: Path,
) -> None:
    p = make_project(
        tmp_path,
        {
            "pay/__init__.py": "",
            "pay/fmt.py": """
                import re


                def label(text):
                    name = re.match(r"(\\w+)?", text).group(1)
                    return name.title()


                print(label(""))
                """,
        },
    )
    diag = explain(crash(p, "-m", "pay.fmt"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None and rc.symbol == "pay.fmt.label"
    assert "can return None" not in rc.explanation, rc.explanation
    assert "could not be traced" in rc.explanation
    assert diag.fix is not None and "404" not in diag.fix.summary
    for text in (rc.explanation, diag.fix.summary):
        assert not LEAK.search(text), text


def test_a_none_written_as_a_literal_is_not_something_a_function_returns(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "pay/__init__.py": "",
            "pay/names.py": """
                def label(rows):
                    name = ""
                    for row in rows:
                        name = rows[row]
                    return name.title()


                print(label({"a": None}))
                """,
        },
    )
    diag = explain(crash(p, "-m", "pay.names"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None
    if rc.symbol == "pay.names.label":  # the origin was not traced: the text must say so
        assert "could not be traced" in rc.explanation, rc.explanation
    else:  # the literal {"a": None} is the origin
        assert rc.line == line_of(p, "pay/names.py", "print(label")
        assert 'The None comes from the literal `{"a": None}`' in rc.explanation, rc.explanation
    assert "can return None" not in rc.explanation, rc.explanation
    for text in (rc.explanation, diag.fix.summary if diag.fix else ""):
        assert not LEAK.search(text), text
