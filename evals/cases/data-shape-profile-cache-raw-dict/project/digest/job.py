from __future__ import annotations

import json
import sys

from digest.activity import recent_activity
from digest.compose import compose_digest
from digest.models import DigestEmail
from digest.profiles import get_profile
from digest.settings import DATA_DIR


def load_teams() -> list[dict]:
    with open(DATA_DIR / "teams.json", encoding="utf-8") as fh:
        return json.load(fh)


def build_digests(teams: list[dict]) -> list[DigestEmail]:
    outbox: list[DigestEmail] = []
    for team in teams:
        for member_id in team["member_ids"]:
            profile = get_profile(member_id)
            items = recent_activity(team["id"], exclude_actor_id=member_id)
            if not items:
                continue
            outbox.append(compose_digest(profile, team["name"], items))
    return outbox


def main() -> int:
    outbox = build_digests(load_teams())
    for message in outbox:
        print(f"{message.to:<28} {message.subject}")
    print(f"{len(outbox)} digests queued")
    return 0


if __name__ == "__main__":
    sys.exit(main())
