from __future__ import annotations

import logging
from collections.abc import Iterable

from mailer.transport import send_email

log = logging.getLogger("mailer.dispatch")

REPLY_TO = "support@tidepool.test"


def dispatch(messages: Iterable[dict]) -> int:
    count = 0
    for message in messages:
        sent = send_email(reply_to=REPLY_TO, **message)
        log.info("sent %r to %s", sent.subject, sent.to)
        count += 1
    return count
