"""Log format shared by the API and the workers (matches uvicorn's default layout)."""

from __future__ import annotations

import logging
import os
from datetime import datetime

FORMAT = "%(asctime)s %(levelname)-8s [%(name)s] %(message)s"


class _FixedClock(logging.Filter):
    """Stamp every record with LOG_FIXED_TIME so golden-output tests compare equal."""

    def __init__(self, iso: str) -> None:
        super().__init__()
        self.created = datetime.fromisoformat(iso).timestamp()

    def filter(self, record: logging.LogRecord) -> bool:
        record.created = self.created
        record.msecs = 0.0
        return True


def configure(level: str | None = None) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    fixed = os.environ.get("LOG_FIXED_TIME")
    if fixed:
        handler.addFilter(_FixedClock(fixed))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level or os.environ.get("LOG_LEVEL", "INFO"))
