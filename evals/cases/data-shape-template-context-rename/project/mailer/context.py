"""Template variables for lifecycle e-mails."""

from __future__ import annotations

import os

from mailer.users import User, Workspace

PRODUCT = os.environ.get("PRODUCT_NAME", "Tallybook")
BASE_URL = os.environ.get("APP_BASE_URL", "https://app.tallybook.example")


def user_context(user: User) -> dict[str, str]:
    return {
        "given_name": user.given_name,
        "family_name": user.family_name,
        "email": user.email,
    }


def workspace_context(ws: Workspace) -> dict[str, str]:
    return {
        "workspace": ws.title,
        "workspace_url": f"{BASE_URL}/{ws.slug}",
        "trial_ends": ws.trial_ends.strftime("%B %d, %Y"),
    }


def lifecycle_context(user: User, ws: Workspace) -> dict[str, str]:
    return {"product": PRODUCT, **user_context(user), **workspace_context(ws)}
