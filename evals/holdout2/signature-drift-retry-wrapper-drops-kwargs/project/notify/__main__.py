"""`python -m notify`: send the demo notifications and list what went out."""

from __future__ import annotations

import logging

from notify.dispatch import notify_user
from notify.providers import SENT
from notify.users import User

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

notify_user(User(1, "Ada", "ada@example.com"), "password_reset", code="493021")
notify_user(User(2, "Jörg", "jorg@example.com", "+4915112345678", brand="zest", prefers_sms=True), "login_alert", city="Köln")
for message in SENT:
    print(message)
