"""SMTP-ish transport; v2 renamed body/html to text_body/html_body and made them keyword-only."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Sent:
    to: str
    subject: str
    text_body: str
    html_body: str | None
    headers: dict[str, str] = field(default_factory=dict)


OUTBOX: list[Sent] = []


def send_email(
    to: str,
    subject: str,
    *,
    text_body: str,
    html_body: str | None = None,
    reply_to: str | None = None,
    tags: tuple[str, ...] = (),
) -> Sent:
    headers = {"X-Tags": ",".join(tags)} if tags else {}
    if reply_to:
        headers["Reply-To"] = reply_to
    sent = Sent(to, subject, text_body, html_body, headers)
    OUTBOX.append(sent)
    return sent
