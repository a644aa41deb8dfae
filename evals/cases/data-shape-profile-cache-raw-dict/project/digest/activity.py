from __future__ import annotations

import json
from functools import lru_cache

from digest.models import ActivityItem
from digest.settings import DATA_DIR, MAX_ITEMS_PER_DIGEST


@lru_cache(maxsize=1)
def _feed() -> list[ActivityItem]:
    with open(DATA_DIR / "activity.json", encoding="utf-8") as fh:
        return [ActivityItem.model_validate(row) for row in json.load(fh)]


def recent_activity(team_id: int, exclude_actor_id: int | None = None) -> list[ActivityItem]:
    items = [
        item
        for item in _feed()
        if item.team_id == team_id and item.actor_id != exclude_actor_id
    ]
    items.sort(key=lambda item: item.at, reverse=True)
    return items[:MAX_ITEMS_PER_DIGEST]
