"""Outgoing mail through each tenant's own SMTP relay."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    user: str
    password: str


@dataclass
class Outbox:
    sent: list[tuple[str, str, str]]

    def deliver(self, smtp: SmtpSettings, to: str, subject: str) -> None:
        self.sent.append((smtp.host, to, subject))


def smtp_settings(config: dict[str, object]) -> SmtpSettings:
    return SmtpSettings(
        host=str(config["smtp_host"]),
        user=str(config["smtp_user"]),
        password=str(config["smtp_password"]),
    )
