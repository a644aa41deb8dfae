"""Collation for people lists (HR wants surname order, ties broken by first name)."""

from __future__ import annotations

import unicodedata

from directory.people import Person


def _fold(text: str) -> str:
    # "Åsa" sorts with "Asa": strip accents for ordering only.
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def person_key(person: Person) -> tuple[str, str]:
    return (_fold(person.last_name), _fold(person.first_name))


def team_key(team: str) -> tuple[bool, str]:
    # "unassigned" goes last.
    return (team == "unassigned", team.casefold())
