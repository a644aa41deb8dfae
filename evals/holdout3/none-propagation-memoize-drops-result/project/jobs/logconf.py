"""Logging for replays: every record is stamped with the replayed event's own time."""

from __future__ import annotations

import contextvars
import logging
import sys
import time

event_time: contextvars.ContextVar[float | None] = contextvars.ContextVar("event_time", default=None)


def setup() -> None:
    base_factory = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = base_factory(*args, **kwargs)
        ts = event_time.get()
        if ts is not None:
            record.created = ts
            record.msecs = int(round(ts % 1 * 1000))
        return record

    logging.setLogRecordFactory(factory)
    logging.Formatter.converter = time.gmtime
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stdout,
        format="%(asctime)s.%(msecs)03dZ %(levelname)-5s %(name)s: %(message)s",
        datefmt="%Y-%m-%dT%H:%M:%S",
    )
