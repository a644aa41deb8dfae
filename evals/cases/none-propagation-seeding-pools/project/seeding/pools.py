from __future__ import annotations

from collections import defaultdict

from seeding.players import Player

DEFAULT_BAND = 200


def band_floor(rating: int, band: int = DEFAULT_BAND) -> int:
    return rating - rating % band


def seed_key(player: Player) -> tuple[int, str]:
    return (-player.rating, player.name)


def rating_pools(players: list[Player], band: int = DEFAULT_BAND) -> dict[int, list[Player]]:
    by_band: dict[int, list[Player]] = defaultdict(list)
    for player in players:
        by_band[band_floor(player.rating, band)].append(player)

    pools: dict[int, list[Player]] = {}
    for floor in sorted(by_band, reverse=True):
        pools[floor] = by_band[floor].sort(key=seed_key)
    return pools
