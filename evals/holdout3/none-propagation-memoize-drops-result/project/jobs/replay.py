"""Replay a day of card settlements and write the EUR ledger."""

from __future__ import annotations

import logging
import sys

from jobs import logconf
from jobs.convert import settle

log = logging.getLogger("jobs.replay")

EVENTS = [
    {"id": "st_1001", "ts": 1717225201.125, "merchant": "m_berlin", "amount": "120.00", "currency": "EUR"},
    {"id": "st_1002", "ts": 1717225263.500, "merchant": "m_nyc", "amount": "54.90", "currency": "USD"},
    {"id": "st_1003", "ts": 1717225318.250, "merchant": "m_london", "amount": "20.00", "currency": "GBP"},
    {"id": "st_1004", "ts": 1717225377.000, "merchant": "m_nyc", "amount": "12.00", "currency": "USD"},
]


def main() -> int:
    logconf.setup()
    failed = 0
    for event in EVENTS:
        token = logconf.event_time.set(event["ts"])
        try:
            row = settle(event)
            log.info("settled %s %s -> EUR %s", row["id"], row["merchant"], row["eur"])
        except Exception:
            failed += 1
            log.exception("settlement %s failed", event["id"])
        finally:
            logconf.event_time.reset(token)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
