from __future__ import annotations

import random
from datetime import datetime, timedelta

from analytics.db import Base, SessionLocal, engine
from analytics.models import PageView

PATHS = ["/", "/pricing", "/blog/launch", "/docs", "/signup", "/blog/roadmap"]
REFERRERS = [None, "google.com", "news.ycombinator.com", "twitter.com"]


def seed(rows: int = 400, seed: int = 3) -> None:
    Base.metadata.create_all(engine)
    rng = random.Random(seed)
    start = datetime(2024, 5, 6)
    with SessionLocal.begin() as session:
        session.add_all(
            PageView(
                path=rng.choice(PATHS),
                visitor_id=f"v{rng.randint(1, 90)}",
                seen_at=start + timedelta(minutes=rng.randint(0, 7 * 24 * 60)),
                duration_ms=rng.randint(200, 90_000),
                referrer=rng.choice(REFERRERS),
            )
            for _ in range(rows)
        )
