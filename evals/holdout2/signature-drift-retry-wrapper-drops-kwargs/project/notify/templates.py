from __future__ import annotations

TEMPLATES = {
    "password_reset": ("Reset your password", "Hi {name}, use code {code} to reset your password."),
    "login_alert": ("New sign-in", "Hi {name}, we noticed a sign-in from {city}."),
}


def render(event: str, **context: str) -> tuple[str, str]:
    subject, body = TEMPLATES[event]
    return subject, body.format(**context)
