from __future__ import annotations

from directory.listing import alphabetical, by_team
from directory.people import Person


def phone_book(people: list[Person]) -> list[str]:
    return [p.display_name for p in alphabetical(people)]


def team_page(people: list[Person]) -> str:
    parts = []
    for team, members in by_team(people).items():
        parts.append(f"## {team}")
        parts += [f"- {m.display_name}" for m in members]
    return "\n".join(parts)
