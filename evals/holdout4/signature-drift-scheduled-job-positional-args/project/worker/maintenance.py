import json
from datetime import datetime, timedelta, timezone

from worker.settings import load_settings


def purge_expired_sessions(older_than_days: int) -> int:
    settings = load_settings()
    path = settings.data_dir / "sessions.json"
    if not path.exists():
        return 0
    cutoff = datetime.now(timezone.utc) - timedelta(days=older_than_days)
    sessions = json.loads(path.read_text(encoding="utf-8"))
    kept = [s for s in sessions if datetime.fromisoformat(s["last_seen"]) >= cutoff]
    path.write_text(json.dumps(kept, indent=2), encoding="utf-8")
    return len(sessions) - len(kept)
