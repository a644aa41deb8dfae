from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    team: str
    email: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.last_name}, {self.first_name}"


def load_people(rows: list[dict]) -> list[Person]:
    return [Person(r["first"].strip(), r["last"].strip(), r.get("team", "unassigned"), r.get("email", "")) for r in rows]
