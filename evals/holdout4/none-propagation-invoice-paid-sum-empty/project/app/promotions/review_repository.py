"""In-memory review repository used by the promotions jobs."""

from __future__ import annotations

from app.promotions.review_model import Review, from_row


class ReviewRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Review] = {}

    def add(self, row: dict) -> Review:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Review | None:
        return self._rows.get(item_id)

    def all(self) -> list[Review]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
