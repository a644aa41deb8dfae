from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from directory.people import Person
from directory.sorting import person_key, team_key


def alphabetical(people: Iterable[Person]) -> list[Person]:
    return sorted(people, key=person_key)


def by_team(people: Iterable[Person]) -> dict[str, list[Person]]:
    teams: dict[str, list[Person]] = defaultdict(list)
    for person in alphabetical(people):
        teams[person.team].append(person)
    return {team: teams[team] for team in sorted(teams, key=team_key)}


def index_letters(people: Iterable[Person]) -> list[str]:
    return sorted({p.last_name[:1].upper() for p in people})
