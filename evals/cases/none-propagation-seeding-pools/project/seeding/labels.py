from __future__ import annotations

from string import ascii_uppercase
from typing import TypeVar

T = TypeVar("T")


def pool_label(index: int, floor: int) -> str:
    return f"Pool {ascii_uppercase[index]} ({floor}+)"


def label_pools(pools: dict[int, T]) -> dict[str, T]:
    return {pool_label(i, floor): members for i, (floor, members) in enumerate(pools.items())}
