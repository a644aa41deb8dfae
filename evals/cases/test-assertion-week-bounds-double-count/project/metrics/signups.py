from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from metrics.periods import Period, iso_week


@dataclass(frozen=True)
class Signup:
    user_id: int
    day: date
    channel: str


def count_in(signups: Iterable[Signup], period: Period) -> int:
    return sum(1 for s in signups if s.day in period)


def weekly_counts(signups: list[Signup], weeks: list[date]) -> dict[date, int]:
    """Sign-ups per ISO week, keyed by the week's Monday."""
    return {iso_week(d).start: count_in(signups, iso_week(d)) for d in weeks}
