from dataclasses import dataclass, field
from email.message import EmailMessage

from notify.netutil import parse_hostport
from notify.settings import Settings


@dataclass
class Outbox:
    """Messages queued for the SMTP relay; flushed by the worker."""

    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)


class Mailer:
    def __init__(self, settings: Settings) -> None:
        host, port = parse_hostport(settings.smtp_host, settings.smtp_port)
        self.outbox = Outbox(host, port)
        self.sender = settings.sender

    def queue(self, to: str, subject: str, body: str) -> EmailMessage:
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = self.sender, to, subject
        msg.set_content(body)
        self.outbox.messages.append(msg)
        return msg
