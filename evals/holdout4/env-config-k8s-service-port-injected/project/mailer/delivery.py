import json
import logging
import smtplib
from email.message import EmailMessage

from mailer.settings import Settings

log = logging.getLogger(__name__)


def build_message(raw: bytes, sender: str) -> EmailMessage:
    job = json.loads(raw)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = job["to"]
    msg["Subject"] = job["subject"]
    msg.set_content(job["text"])
    if job.get("html"):
        msg.add_alternative(job["html"], subtype="html")
    return msg


def deliver(batch: list[bytes], settings: Settings) -> int:
    if not batch:
        return 0
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=10) as smtp:
        for raw in batch:
            msg = build_message(raw, settings.sender)
            smtp.send_message(msg)
            log.info("sent %r to %s", msg["Subject"], msg["To"])
    return len(batch)
