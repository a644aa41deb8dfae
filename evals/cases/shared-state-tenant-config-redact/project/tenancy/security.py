"""Keep credentials out of API responses and logs."""

from __future__ import annotations

SECRET_KEYS = ("smtp_password", "api_key")


def redact(config: dict[str, object]) -> dict[str, object]:
    for key in SECRET_KEYS:
        if key in config:
            config.pop(key)
    config["redacted"] = list(SECRET_KEYS)
    return config
