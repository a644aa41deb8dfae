"""A small project that really crashes, for the chat tests: files, its real traceback, lines."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

FILES = {
    "app/__init__.py": "",
    "app/users.py": """
        USERS = {1: {"name": "ada", "email": "ada@example.com"}}


        class User:
            def __init__(self, name, email):
                self.name = name
                self.email = email


        def get_user(user_id):
            row = USERS.get(user_id)
            if row is None:
                return None
            return User(**row)
    """,
    "app/billing.py": """
        from app.users import get_user


        def invoice_address(user_id):
            user = get_user(user_id)
            return format_address(user)


        def format_address(user):
            return user.email.lower()
    """,
    "app/main.py": """
        from app.billing import invoice_address

        print(invoice_address(1))
        print(invoice_address(2))
    """,
}


@dataclass
class Project:
    root: Path
    trace: str  # the traceback the program really printed

    def line_of(self, file: str, needle: str) -> int:
        lines = (self.root / file).read_text().splitlines()
        return next(i for i, ln in enumerate(lines, 1) if needle in ln)

    def n_lines(self, file: str) -> int:
        return len((self.root / file).read_text().splitlines())


def make_project(root: Path) -> Project:
    """Write the project under root and run it; its stderr is the traceback."""
    for name, body in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "app.main"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert proc.returncode != 0 and "Traceback" in proc.stderr, proc.stderr
    return Project(root, proc.stderr)
