import csv
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from worker.events import load_events
from worker.settings import load_settings


def build_usage_report(
    window_days: int, tenant: str | None = None, *, today: date | None = None
) -> Path:
    settings = load_settings()
    today = today or date.today()
    since = today - timedelta(days=window_days)

    per_feature: Counter[tuple[str, str]] = Counter()
    users: dict[str, set[str]] = {}
    for event in load_events(settings.data_dir / "events.jsonl"):
        if tenant is not None and event.tenant != tenant:
            continue
        if not since <= event.day <= today:
            continue
        per_feature[(event.tenant, event.feature)] += 1
        users.setdefault(event.tenant, set()).add(event.user_id)

    settings.out_dir.mkdir(parents=True, exist_ok=True)
    out = settings.out_dir / f"usage-{tenant or 'all'}-{today.isoformat()}.csv"
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["tenant", "feature", "events", "active_users"])
        for (t, feature), count in sorted(per_feature.items()):
            writer.writerow([t, feature, count, len(users[t])])
    return out
