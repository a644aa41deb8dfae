from __future__ import annotations

from notify.channels.base import Channel
from notify.core import render_template

SMS_LIMIT = 160


class SmsChannel(Channel):
    name = "sms"

    def __init__(self, sender_id: str) -> None:
        super().__init__()
        self.sender_id = sender_id

    def deliver(self, to: str, key: str, context: dict[str, str]) -> str:
        body = render_template(key, context, limit=SMS_LIMIT)
        self.outbox.append((to, body))
        return f"sms to {to} as {self.sender_id}"
