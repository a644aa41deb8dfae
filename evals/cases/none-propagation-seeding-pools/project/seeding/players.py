from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Player:
    name: str
    club: str
    rating: int

    @property
    def display(self) -> str:
        return f"{self.name} ({self.club}, {self.rating})"


def load_players(path: str | Path) -> list[Player]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    players = []
    for row in rows:
        if row.get("withdrawn", "").strip().lower() in {"y", "yes", "1"}:
            continue
        players.append(Player(row["name"].strip(), row["club"].strip(), int(row["rating"])))
    return players
