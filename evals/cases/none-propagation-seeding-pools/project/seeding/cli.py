from __future__ import annotations

import sys

from seeding.draw import first_round
from seeding.labels import label_pools
from seeding.players import load_players
from seeding.pools import rating_pools


def main(path: str = "data/entrants.csv") -> int:
    players = load_players(path)
    print(f"{len(players)} entrants loaded from {path}")
    pools = label_pools(rating_pools(players))
    print(f"{len(pools)} pools: {', '.join(pools)}")
    for pairing in first_round(pools):
        print(pairing.render())
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
