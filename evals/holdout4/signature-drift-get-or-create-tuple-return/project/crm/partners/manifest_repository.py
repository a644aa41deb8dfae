"""In-memory manifest repository used by the partners jobs."""

from __future__ import annotations

from crm.partners.manifest_model import Manifest, from_row


class ManifestRepository:
    def __init__(self) -> None:
        self._rows: dict[int, Manifest] = {}

    def add(self, row: dict) -> Manifest:
        item = from_row(row)
        self._rows[item.id] = item
        return item

    def find(self, item_id: int) -> Manifest | None:
        return self._rows.get(item_id)

    def all(self) -> list[Manifest]:
        return sorted(self._rows.values(), key=lambda r: r.id)

    def remove(self, item_id: int) -> bool:
        return self._rows.pop(item_id, None) is not None
