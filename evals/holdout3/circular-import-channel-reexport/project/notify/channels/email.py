from __future__ import annotations

from notify.channels.base import Channel
from notify.templates import render_template


class EmailChannel(Channel):
    name = "email"

    def __init__(self, sender: str) -> None:
        super().__init__()
        self.sender = sender

    def deliver(self, to: str, key: str, context: dict[str, str]) -> str:
        body = render_template(key, context)
        self.outbox.append((to, body))
        return f"email to {to} from {self.sender}"
