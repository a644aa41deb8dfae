"""`python -m mailer.send`: send the welcome mail for new sign-ups."""

from __future__ import annotations

from datetime import date

from mailer.context import lifecycle_context
from mailer.render import render
from mailer.users import User, Workspace

SIGNUPS = [
    (User(1, "ana@example.com", "Ana", "Lima"), Workspace("lima-studio", "Lima Studio", date(2024, 7, 1))),
]


def send_welcome(user: User, ws: Workspace) -> str:
    body = render("welcome", lifecycle_context(user, ws))
    return f"To: {user.email}\nSubject: Welcome!\n\n{body}"


if __name__ == "__main__":
    for user, ws in SIGNUPS:
        print(send_welcome(user, ws))
