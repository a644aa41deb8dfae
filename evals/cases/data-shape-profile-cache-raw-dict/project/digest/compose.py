from __future__ import annotations

from digest.models import ActivityItem, DigestEmail, UserProfile

GREETINGS = {
    "en": "Hi {name}, here is what happened in {team} this week:",
    "de": "Hallo {name}, das ist diese Woche in {team} passiert:",
    "fr": "Bonjour {name}, voici ce qui s'est passé dans {team} cette semaine :",
}


def _first_name(profile: UserProfile) -> str:
    return profile.display_name.split(" ", 1)[0]


def _greeting(profile: UserProfile, team_name: str) -> str:
    name = _first_name(profile)
    template = GREETINGS.get(profile.locale, GREETINGS["en"])
    return template.format(name=name, team=team_name)


def _line(item: ActivityItem) -> str:
    return f"- {item.at:%a %d %b}: {item.actor} {item.verb} {item.target}"


def compose_digest(profile: UserProfile, team_name: str, items: list[ActivityItem]) -> DigestEmail:
    subject = f"{team_name}: {len(items)} updates"
    lines = [_greeting(profile, team_name), ""]
    lines.extend(_line(item) for item in items)
    return DigestEmail(to=profile.email, subject=subject, lines=lines)
