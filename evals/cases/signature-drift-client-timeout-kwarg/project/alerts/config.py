"""Settings for outbound alerting, from the environment."""

from __future__ import annotations

import os


def webhook_options() -> dict[str, object]:
    return {
        "base_url": os.environ.get("ALERT_WEBHOOK_URL", "https://hooks.internal.example"),
        "timeout": float(os.environ.get("ALERT_WEBHOOK_TIMEOUT", "3")),
        "headers": {"x-alert-source": os.environ.get("ALERT_SOURCE", "billing")},
    }


def severity_floor() -> str:
    return os.environ.get("ALERT_MIN_SEVERITY", "warning")
