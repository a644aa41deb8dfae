from __future__ import annotations

from dataclasses import dataclass

from seeding.players import Player


@dataclass(frozen=True)
class Pairing:
    pool: str
    board: int
    white: Player
    black: Player | None

    def render(self) -> str:
        opponent = self.black.display if self.black else "bye"
        return f"{self.pool:<16} board {self.board:>2}: {self.white.display} vs {opponent}"


def fold_pairs(pool: str, members: list[Player], first_board: int) -> list[Pairing]:
    half = (len(members) + 1) // 2
    top, bottom = members[:half], members[half:]
    pairings = []
    for offset, white in enumerate(top):
        black = bottom[offset] if offset < len(bottom) else None
        pairings.append(Pairing(pool, first_board + offset, white, black))
    return pairings


def first_round(pools: dict[str, list[Player]]) -> list[Pairing]:
    pairings: list[Pairing] = []
    board = 1
    for pool, members in pools.items():
        round_one = fold_pairs(pool, members, board)
        pairings.extend(round_one)
        board += len(round_one)
    return pairings
