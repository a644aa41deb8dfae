from __future__ import annotations

import json

from digest.cache import cache
from digest.directory import fetch_profile
from digest.models import UserProfile
from digest.settings import PROFILE_TTL_SECONDS


def _key(user_id: int) -> str:
    return f"profile:v2:{user_id}"


def get_profile(user_id: int) -> UserProfile:
    raw = cache.get(_key(user_id))
    if raw is not None:
        return json.loads(raw)
    profile = fetch_profile(user_id)
    cache.setex(_key(user_id), PROFILE_TTL_SECONDS, profile.model_dump_json())
    return profile


def invalidate(user_id: int) -> None:
    cache.delete(_key(user_id))
