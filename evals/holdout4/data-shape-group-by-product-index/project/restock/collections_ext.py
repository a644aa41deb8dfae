from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def group_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    groups: defaultdict[K, list[T]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return dict(groups)


def index_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, T]:
    index: dict[K, T] = {}
    for item in items:
        k = key(item)
        if k in index:
            raise ValueError(f"duplicate key {k!r}")
        index[k] = item
    return index


def chunked(items: list[T], size: int) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
