from __future__ import annotations

from collections.abc import Iterator

import httpx

from svc import recorded
from svc.settings import Settings


class BillingUnavailable(RuntimeError):
    """The billing API could not be reached or answered with an error."""


class BillingClient:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.http = httpx.Client(
            base_url=settings.billing_url,
            timeout=settings.timeout,
            headers={"accept": "application/json", "user-agent": "billing-sync/1.4"},
            mounts=recorded.mounts() if settings.dry_run else None,
        )

    def _get(self, path: str, **params: object) -> dict:
        try:
            response = self.http.get(path, params={k: v for k, v in params.items() if v is not None})
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise BillingUnavailable(f"GET {path} failed") from exc
        return response.json()

    def invoices(self) -> Iterator[dict]:
        cursor = None
        while True:
            page = self._get(
                "/invoices",
                limit=self.settings.page_size,
                account=self.settings.account,
                cursor=cursor,
            )
            yield from page["data"]
            cursor = page.get("next_cursor")
            if not cursor:
                return
