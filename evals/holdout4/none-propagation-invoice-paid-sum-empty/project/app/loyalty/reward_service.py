"""Loyalty operations on rewards."""

from __future__ import annotations

import os

from app.loyalty.reward_repository import RewardRepository

PAGE_SIZE = int(os.environ.get("LOYALTY_PAGE_SIZE", "50"))


def reward_summary(repo: RewardRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_rewards(repo: RewardRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_reward(repo: RewardRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown reward"
    return item.label()


def reward_setting() -> str | None:
    return os.getenv("LOYALTY_RATE")
