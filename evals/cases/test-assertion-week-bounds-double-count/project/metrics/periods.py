"""Reporting periods. Every period is a closed range [start, end] of calendar days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def days(self) -> int:
        return (self.end - self.start).days + 1


def iso_week(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=7))


def month(day: date) -> Period:
    first = day.replace(day=1)
    next_first = (first + timedelta(days=32)).replace(day=1)
    return Period(first, next_first - timedelta(days=1))
