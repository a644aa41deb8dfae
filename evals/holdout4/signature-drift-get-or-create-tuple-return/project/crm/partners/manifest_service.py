"""Partners operations on manifests."""

from __future__ import annotations

import os

from crm.partners.manifest_repository import ManifestRepository

PAGE_SIZE = int(os.environ.get("PARTNERS_PAGE_SIZE", "25"))


def manifest_summary(repo: ManifestRepository) -> dict:
    rows = repo.all()
    return {"count": len(rows), "first": rows[0].label() if rows else None}


def paginate_manifests(repo: ManifestRepository, page: int = 1) -> list[dict]:
    start = (page - 1) * PAGE_SIZE
    return [r.to_dict() for r in repo.all()[start : start + PAGE_SIZE]]


def describe_manifest(repo: ManifestRepository, item_id: int) -> str:
    item = repo.find(item_id)
    if item is None:
        return "unknown manifest"
    return item.label()


def manifest_setting() -> str | None:
    return os.getenv("AUDIT_LEVEL")
