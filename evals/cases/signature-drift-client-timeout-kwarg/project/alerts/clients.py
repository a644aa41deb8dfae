"""Construct the service's outbound clients from configuration."""

from __future__ import annotations

import httpx

from alerts import config
from alerts.httpclient import ApiClient


def webhook_client(transport: httpx.BaseTransport | None = None) -> ApiClient:
    options = config.webhook_options()
    return ApiClient(**options, transport=transport)
