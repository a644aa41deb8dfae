from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class UserProfile(BaseModel):
    id: int
    email: str
    display_name: str
    locale: str = "en"
    timezone: str = "UTC"
    avatar_url: str | None = None


class ActivityItem(BaseModel):
    team_id: int
    actor_id: int
    actor: str
    verb: str
    target: str
    at: datetime


class DigestEmail(BaseModel):
    to: str
    subject: str
    lines: list[str] = Field(default_factory=list)
