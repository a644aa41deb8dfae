from __future__ import annotations

import os

ENABLED_ROUTERS = [
    name.strip()
    for name in os.environ.get("ENABLED_ROUTERS", "health,catalog,accounts").split(",")
    if name.strip()
]
API_PREFIX = os.environ.get("API_PREFIX", "/api")
