"""Importing this package registers every event handler."""

from shopapp.handlers import loyalty, receipts

__all__ = ["loyalty", "receipts"]
