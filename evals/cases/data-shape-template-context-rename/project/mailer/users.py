from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class User:
    id: int
    email: str
    given_name: str
    family_name: str


@dataclass(frozen=True)
class Workspace:
    slug: str
    title: str
    trial_ends: date
