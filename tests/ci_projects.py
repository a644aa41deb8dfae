"""Small projects the CI-bot tests write and really run pytest on (JUnit XML from pytest itself)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

# A value that must never reach a comment: the failing test below leaks it into its traceback.
DB_PASSWORD = "Sup3rSecretPw9"

SHOP = {
    "shop/__init__.py": "",
    "shop/users.py": """
        USERS = {1: {"name": "ann", "discount": 0.1}}


        def get_user(uid):
            return USERS.get(uid)
        """,
    "shop/billing.py": """
        from shop.users import get_user


        def price(uid, amount):
            user = get_user(uid)
            return amount * (1 - user["discount"])
        """,
    "shop/mail.py": """
        from shop.users import get_user


        def greeting(uid):
            user = get_user(uid)
            return "Hello " + user["name"]
        """,
    "shop/settings.py": f"""
        import os

        DATABASE_URL = "postgresql://shop:{DB_PASSWORD}@db.internal/shop"


        def connect():
            raise ConnectionError("cannot reach " + DATABASE_URL)


        def api_url():
            return os.environ["SHOP_API_URL"]
        """,
    "tests/__init__.py": "",
    "tests/test_billing.py": """
        from shop.billing import price


        def test_known_user():
            assert price(1, 100) == 90


        def test_unknown_user():
            assert price(2, 100) == 100


        class TestGuests:
            def test_guest(self):
                assert price(0, 10) == 10
        """,
    "tests/test_mail.py": """
        from shop.mail import greeting


        def test_greeting_unknown():
            assert greeting(5) == "Hello guest"
        """,
}

# Fails for a reason of its own, and its traceback carries a password and the CI token.
SHOP_SETTINGS_TESTS = {
    "tests/test_settings.py": """
        import os

        from shop.settings import api_url, connect


        def test_api_url():
            assert api_url().startswith("https://")


        def test_db():
            connect()


        def test_deploy():
            token = os.environ.get("GITHUB_TOKEN", "none")
            assert token == "expected", "deploy rejected " + token
        """,
}

FIXED = {
    "shop/users.py": """
        USERS = {1: {"name": "ann", "discount": 0.1}}
        GUEST = {"name": "guest", "discount": 0.0}


        def get_user(uid):
            return USERS.get(uid, GUEST)
        """,
}


@dataclass
class PytestRun:
    root: Path
    junit: Path
    log: Path
    returncode: int


def write_project(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def run_pytest(
    root: Path, name: str = "report", env: dict[str, str] | None = None, args: tuple[str, ...] = ()
) -> PytestRun:
    """Run pytest in `root` as a CI job would; JUnit XML and the console log land next to it."""
    junit = root.parent / f"{name}.xml"
    log = root.parent / f"{name}.log"
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    run_env.update(env or {})
    run_env["PYTHONDONTWRITEBYTECODE"] = "1"
    run_env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # JUnit is built in; plugins only cost time
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--junitxml={junit}"]
    proc = subprocess.run(
        [*cmd, "-o", "junit_family=xunit2", "--color=no", *args],
        cwd=root,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    log.write_text(proc.stdout + proc.stderr, encoding="utf-8")
    return PytestRun(root, junit, log, proc.returncode)
