from __future__ import annotations

from datetime import datetime

from analytics.db import SessionLocal
from analytics.queries import average_duration_ms, top_pages, top_referrers, unique_visitors


def weekly_report(since: datetime) -> str:
    with SessionLocal() as session:
        lines = [f"Week of {since:%Y-%m-%d}: {unique_visitors(session, since)} unique visitors", "", "Top pages:"]
        for path, views in top_pages(session, since):
            lines.append(f"  {path:<16} {views:>5} views  {average_duration_ms(session, path) / 1000:6.1f}s avg")
        lines += ["", "Top referrers:"]
        lines += [f"  {ref:<24} {n:>5}" for ref, n in top_referrers(session, since)]
    return "\n".join(lines)
