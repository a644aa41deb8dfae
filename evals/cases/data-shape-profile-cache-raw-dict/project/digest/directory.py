from __future__ import annotations

import json
from functools import lru_cache

from digest.models import UserProfile
from digest.settings import DATA_DIR


class UnknownUser(LookupError):
    pass


@lru_cache(maxsize=1)
def _users() -> dict[int, dict]:
    with open(DATA_DIR / "users.json", encoding="utf-8") as fh:
        return {row["id"]: row for row in json.load(fh)}


def _display_name(row: dict) -> str:
    if row.get("preferred_name"):
        return row["preferred_name"]
    return f"{row['first_name']} {row['last_name']}".strip()


def fetch_profile(user_id: int) -> UserProfile:
    try:
        row = _users()[user_id]
    except KeyError:
        raise UnknownUser(user_id) from None
    return UserProfile(
        id=row["id"],
        email=row["email"],
        display_name=_display_name(row),
        locale=row.get("locale", "en"),
        timezone=row.get("timezone", "UTC"),
        avatar_url=row.get("avatar_url"),
    )
