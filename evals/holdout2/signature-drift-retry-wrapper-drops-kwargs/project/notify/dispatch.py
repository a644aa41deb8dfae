"""Choosing the channel for a user and sending."""

from __future__ import annotations

from notify.providers import send_email, send_sms
from notify.templates import render
from notify.users import BRAND_SMS_SENDER, User


def notify_user(user: User, event: str, **context: str) -> str:
    subject, body = render(event, name=user.name, **context)
    if user.prefers_sms and user.phone:
        sender = BRAND_SMS_SENDER.get(user.brand, "ACME")
        return send_sms(user.phone, body, sender_id=sender, unicode=any(ord(c) > 127 for c in body))
    return send_email(user.email, subject, body)
