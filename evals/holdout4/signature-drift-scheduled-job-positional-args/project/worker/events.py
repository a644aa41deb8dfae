import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path


@dataclass(frozen=True)
class UsageEvent:
    tenant: str
    user_id: str
    feature: str
    at: datetime

    @property
    def day(self) -> date:
        return self.at.date()


def load_events(path: Path) -> Iterator[UsageEvent]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            raw = json.loads(line)
            yield UsageEvent(
                tenant=raw["tenant"],
                user_id=raw["user"],
                feature=raw["feature"],
                at=datetime.fromisoformat(raw["at"]),
            )
