"""Outgoing mail; the outbox is flushed by the mail relay in production."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


OUTBOX: list[Message] = []


def send(to: str, subject: str, body: str) -> None:
    if "@" not in to:
        raise ValueError(f"bad recipient {to!r}")
    OUTBOX.append(Message(to, subject, body))
