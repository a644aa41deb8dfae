"""`python -m alerts.main`: send the pending alerts (to an in-process receiver here)."""

from __future__ import annotations

import httpx

from alerts.clients import webhook_client
from alerts.dispatch import Alert, send_all
from alerts.httpclient import Recorder

PENDING = [
    Alert("disk-usage", "warning", "db-1 volume at 91%"),
    Alert("cache-miss-rate", "info", "cache miss rate 12%"),
    Alert("payment-failures", "critical", "card declines above 5% for 10 minutes"),
]

if __name__ == "__main__":
    receiver = Recorder()
    client = webhook_client(transport=httpx.MockTransport(receiver))
    print(f"sent {send_all(client, PENDING)} alerts")
