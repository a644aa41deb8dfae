"""Weekly traffic digest from the exported event log."""

from __future__ import annotations

from pathlib import Path

from analytics.counting import pageviews, top_pages, unique_visitors
from analytics.events import read_events
from analytics.report import page_shares, render


def weekly_digest(path: Path) -> str:
    views = pageviews(read_events(path))
    top = top_pages(views, n=3)
    return render("Top pages this week", unique_visitors(views), page_shares(top, len(views)))


if __name__ == "__main__":
    print(weekly_digest(Path("events.jsonl")))
