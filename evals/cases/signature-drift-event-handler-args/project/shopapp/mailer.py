from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mailer:
    """Outbox for transactional mail; a worker drains it to the SMTP relay."""

    outbox: list[tuple[str, str, str]] = field(default_factory=list)

    def send(self, to: str, subject: str, body: str) -> None:
        self.outbox.append((to, subject, body))


default_mailer = Mailer()
