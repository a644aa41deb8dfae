from __future__ import annotations

from typing import Any


def flatten(obj: dict[str, Any], prefix: str = "", sep: str = "_") -> dict[str, Any]:
    """Nested dicts to one level: {"billing": {"city": "Oslo"}} -> {"billing_city": "Oslo"}."""
    flat: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{sep}{key}" if prefix else key
        if isinstance(value, dict):
            flat.update(flatten(value, name, sep))
        elif isinstance(value, list):
            flat[name] = "|".join(str(v) for v in value)
        else:
            flat[name] = value
    return flat
