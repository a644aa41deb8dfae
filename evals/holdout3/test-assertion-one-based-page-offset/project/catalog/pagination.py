from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

MAX_PER_PAGE = 100


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def paginate(items: Sequence[T], page: int = 1, per_page: int = 20) -> Page[T]:
    """Page `page` (1-based) of items."""
    if page < 1:
        raise ValueError("page is 1-based")
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    start = page * per_page
    return Page(list(items[start : start + per_page]), page, per_page, len(items))
