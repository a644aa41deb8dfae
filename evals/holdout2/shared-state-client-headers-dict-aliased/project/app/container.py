"""Wiring: one client per upstream, built once at startup."""

from __future__ import annotations

from dataclasses import dataclass

from app import fakes
from app.clients.billing import BillingClient
from app.clients.search import SearchClient
from app.settings import Settings


@dataclass
class Container:
    billing: BillingClient
    search: SearchClient


def build(settings: Settings) -> Container:
    transport = fakes.transport() if settings.offline else None
    return Container(
        billing=BillingClient(settings.billing_api_key, transport),
        search=SearchClient(settings.search_api_key, transport),
    )
