"""E-mail address handling shared by sign-up, login and invitations."""

from __future__ import annotations

import re

_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class InvalidEmail(ValueError):
    pass


def normalize_email(raw: str) -> str:
    """Canonical form used as the unique key: trimmed, domain lower-cased."""
    address = raw.strip()
    if not _SHAPE.match(address):
        raise InvalidEmail(raw)
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain}"


def mask(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"
