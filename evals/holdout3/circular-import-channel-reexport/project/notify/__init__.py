"""Outbound notifications: templates rendered per channel."""

from notify.core import send

__all__ = ["send"]
