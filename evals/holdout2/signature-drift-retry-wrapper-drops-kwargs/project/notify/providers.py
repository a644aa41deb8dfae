"""Provider clients. In tests and demos they record instead of sending."""

from __future__ import annotations

from notify.retry import TransientError, retry

SENT: list[dict] = []
_flaky_once = {"email"}


@retry(times=3)
def send_email(to: str, subject: str, body: str) -> str:
    if "email" in _flaky_once:
        _flaky_once.discard("email")
        raise TransientError("smtp timeout")
    SENT.append({"channel": "email", "to": to, "subject": subject, "body": body})
    return f"email-{len(SENT)}"


@retry(times=2)
def send_sms(to: str, body: str, *, sender_id: str = "ACME", unicode: bool = False) -> str:
    if not to.startswith("+"):
        raise ValueError(f"phone number must be E.164: {to}")
    if not unicode:
        body = body.encode("ascii", "replace").decode()
    SENT.append({"channel": "sms", "to": to, "from": sender_id, "body": body[:160]})
    return f"sms-{len(SENT)}"
