"""Route alerts to the on-call webhook."""

from __future__ import annotations

from dataclasses import dataclass

from alerts import config
from alerts.httpclient import ApiClient

LEVELS = ["info", "warning", "error", "critical"]


@dataclass
class Alert:
    name: str
    severity: str
    message: str


def should_send(alert: Alert) -> bool:
    return LEVELS.index(alert.severity) >= LEVELS.index(config.severity_floor())


def send_all(client: ApiClient, alerts: list[Alert]) -> int:
    sent = 0
    for alert in alerts:
        if should_send(alert):
            client.post("/v1/alerts", {"name": alert.name, "severity": alert.severity, "text": alert.message})
            sent += 1
    return sent
