from datetime import date, timedelta

from metrics.periods import month
from metrics.signups import Signup, count_in, weekly_counts

MONDAY = date(2024, 6, 3)
SIGNUPS = [Signup(i, MONDAY + timedelta(days=i % 14), "ads" if i % 3 else "organic") for i in range(28)]


def test_month_covers_every_day():
    june = month(date(2024, 6, 17))
    assert june.days() == 30
    assert count_in(SIGNUPS, june) == 28


def test_weeks_partition_the_signups():
    weeks = weekly_counts(SIGNUPS, [MONDAY, MONDAY + timedelta(days=7)])
    assert sum(weeks.values()) == len(SIGNUPS)


def test_two_weeks_of_daily_signups_split_evenly():
    weeks = weekly_counts(SIGNUPS, [MONDAY])
    assert weeks[MONDAY] == 14
