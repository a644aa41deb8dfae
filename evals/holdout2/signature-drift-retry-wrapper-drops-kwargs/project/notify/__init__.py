"""Outbound notifications (SMS, e-mail) for account events."""
