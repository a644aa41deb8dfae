"""The static engine on small projects that really crash: the traceback comes from running them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from chat_project import FILES as CROSS_FILE_NONE  # shared with the chat tests

import debugai
from debugai.api import explain
from debugai.config import Config


def make_project(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, body in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return tmp_path


def crash(project: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run the project; its real traceback (the test fails if it does not crash)."""
    proc = subprocess.run(
        [sys.executable, *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
    )
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" in proc.stderr or "Error" in proc.stdout, proc.stderr
    return proc.stdout + proc.stderr


def line_of(project: Path, file: str, needle: str) -> int:
    lines = (project / file).read_text().splitlines()
    return next(i for i, ln in enumerate(lines, 1) if needle in ln)


def test_none_from_a_helper_two_files_away(tmp_path: Path) -> None:
    p = make_project(tmp_path, CROSS_FILE_NONE)
    diag = explain(crash(p, "-m", "app.main"), p, engine="static")
    assert diag.engine == "static"
    assert diag.error.type == "AttributeError"
    rc = diag.root_cause
    assert rc is not None
    assert (rc.file, rc.symbol) == ("app/users.py", "app.users.get_user")
    assert rc.line == line_of(p, "app/users.py", "return None")
    assert rc.category == "none-propagation"
    # The chain runs from the root cause to the line that raised, through the caller.
    assert diag.chain[0].file == "app/users.py"
    assert diag.chain[-1].line == line_of(p, "app/billing.py", "user.email.lower")
    assert any(h.symbol == "app.billing.invoice_address" for h in diag.chain)
    # The root cause is outside the traceback's frames: the point of the product.
    assert all(f.file != "app/users.py" for f in diag.error.frames)
    assert diag.context.tokens > 0
    assert any(s.file == "app/users.py" for s in diag.context.spans)


def test_key_renamed_by_the_producer(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "events.py": """
            def build_event(order):
                return {"orderId": order["id"], "total": order["total"]}
        """,
            "consumer.py": """
            from events import build_event


            def handle(order):
                event = build_event(order)
                return event["order_id"]


            handle({"id": 7, "total": 3})
        """,
        },
    )
    diag = explain(crash(p, "consumer.py"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None and rc.file == "events.py" and rc.symbol == "events.build_event"
    assert rc.category == "data-shape"
    assert "orderId" in rc.explanation


def test_coroutine_returned_without_await(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "client.py": """
            import asyncio


            async def fetch_profile(uid):
                await asyncio.sleep(0)
                return {"uid": uid, "plan": "pro"}
        """,
            "service.py": """
            from client import fetch_profile


            async def load(uid):
                profile = fetch_profile(uid)
                return profile
        """,
            "main.py": """
            import asyncio
            from service import load


            async def main():
                profile = await load(3)
                print(profile.get("plan"))


            asyncio.run(main())
        """,
        },
    )
    diag = explain(crash(p, "-W", "ignore", "main.py"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None
    assert (rc.file, rc.line) == ("service.py", line_of(p, "service.py", "fetch_profile(uid)"))
    assert rc.category == "async-trap"


def test_env_variable_read_under_another_name(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            ".env.example": "DATABASE_URL=sqlite:///app.db\n",
            "settings.py": """
            import os

            DATABASE_URL = os.environ["DATABSE_URL"]
        """,
            "main.py": """
            import settings

            print(settings.DATABASE_URL)
        """,
        },
    )
    diag = explain(crash(p, "main.py", env={"DATABASE_URL": "sqlite://"}), p, engine="static")
    rc = diag.root_cause
    assert rc is not None and rc.file == "settings.py" and rc.category == "env-config"
    assert "DATABASE_URL" in rc.explanation  # the similar, real name is pointed out


def test_signature_drift_names_definition_and_call_site(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "pricing.py": """
            def price(amount, currency, vat_rate):
                return round(amount * (1 + vat_rate), 2), currency
        """,
            "cart.py": """
            from pricing import price


            def total(items):
                return sum(price(i, "EUR")[0] for i in items)


            print(total([1, 2]))
        """,
        },
    )
    diag = explain(crash(p, "cart.py"), p, engine="static")
    top3 = {(c.file, c.symbol) for c in diag.candidates[:3]}
    assert ("pricing.py", "pricing.price") in top3
    assert any(f == "cart.py" for f, _ in top3)
    assert diag.root_cause is not None and diag.root_cause.category == "signature-drift"


def test_every_citation_is_a_real_line(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "a.py": "import b\n\nb.run(None)\n",
            "b.py": "def run(x):\n    return x.value\n",
        },
    )
    diag = explain(crash(p, "a.py"), p, engine="static")
    cites = [(c.file, c.line) for c in diag.candidates] + [(h.file, h.line) for h in diag.chain]
    assert cites
    for file, line in cites:
        assert 1 <= line <= len((p / file).read_text().splitlines()), (file, line)


def test_public_api_is_reexported() -> None:
    assert debugai.explain is explain
    assert debugai.Diagnosis.__name__ == "Diagnosis"


@pytest.mark.parametrize("engine", ["nope", ""])
def test_unknown_engine_is_a_usage_error(tmp_path: Path, engine: str) -> None:
    with pytest.raises(debugai.DebugaiError) as info:
        explain("Traceback (most recent call last):\nValueError: x\n", tmp_path, engine=engine)
    assert info.value.exit_code == 2


def test_stale_trace_is_relocated_and_said(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "repo.py": """
            def find(rows, key):
                for row in rows:
                    if row["id"] == key:
                        return row
        """,
            "main.py": """
            from repo import find

            print(find([{"id": 1, "name": "a"}], 2)["name"])
        """,
        },
    )
    trace = crash(p, "main.py")
    # The code moves on after the crash: two lines inserted above everything.
    for name in ("repo.py", "main.py"):
        (p / name).write_text("# moved\n# again\n" + (p / name).read_text())
    diag = explain(trace, p, engine="static")
    rc = diag.root_cause
    assert rc is not None and rc.symbol == "repo.find"
    assert diag.chain[-1].line == line_of(p, "main.py", "print(find(")
    assert any("changed since the trace" in n for n in diag.notes), diag.notes


def test_suspect_commit_is_the_one_that_introduced_the_bug(tmp_path: Path) -> None:
    p = make_project(
        tmp_path,
        {
            "users.py": """
            USERS = {1: {"email": "a@example.com"}}


            def get_user(uid):
                return USERS.get(uid, {"email": "unknown@example.com"})
        """,
            "mail.py": """
            from users import get_user


            def address(uid):
                return get_user(uid)["email"].lower()


            print(address(2))
        """,
        },
    )

    def git(*args: str) -> str:
        env = {
            "PATH": "/usr/bin:/bin",
            "GIT_AUTHOR_NAME": "a",
            "GIT_AUTHOR_EMAIL": "a@x",
            "GIT_COMMITTER_NAME": "a",
            "GIT_COMMITTER_EMAIL": "a@x",
            "HOME": str(tmp_path),
        }
        out = subprocess.run(
            ["git", *args], cwd=p, capture_output=True, text=True, env=env, check=True
        )
        return out.stdout.strip()

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "first", "--date", "2024-01-01T00:00:00")
    # Weeks later someone drops the default: unknown users now give None.
    users = (p / "users.py").read_text().replace(', {"email": "unknown@example.com"}', "")
    (p / "users.py").write_text(users)
    git("commit", "-qam", "simplify get_user", "--date", "2024-03-01T00:00:00")
    bad = git("rev-parse", "--short=10", "HEAD")
    diag = explain(crash(p, "mail.py"), p, engine="static")
    rc = diag.root_cause
    assert rc is not None and rc.symbol == "users.get_user"
    assert diag.candidates[0].commit == bad


def test_one_failing_analysis_costs_its_suspects_not_the_diagnosis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from debugai.agent.static import engine as static_engine

    def broken(an, m):  # stands in for a bug in one strategy on some unusual code
        raise RecursionError("maximum recursion depth exceeded")

    p = make_project(tmp_path, CROSS_FILE_NONE)
    trace = crash(p, "-m", "app.main")
    healthy = explain(trace, p, engine="static")
    assert healthy.root_cause is not None and healthy.root_cause.symbol == "app.users.get_user"
    monkeypatch.setitem(static_engine.STRATEGIES, "none_value", broken)
    diag = explain(trace, p, engine="static")
    assert diag.root_cause is not None  # the other analyses and the frames still answer
    assert any("none_value analysis failed (RecursionError" in n for n in diag.notes)
    with pytest.raises(RecursionError):  # DEBUGAI_DEBUG=1, as the front end's config says it
        explain(trace, p, engine="static", config=Config(debug=True))
