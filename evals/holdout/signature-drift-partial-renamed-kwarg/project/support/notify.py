"""Outgoing notifications (printed in this build)."""

from __future__ import annotations


def email_customer(customer: str, subject: str, body: str) -> None:
    print(f"mail to {customer}: {subject} - {body}")


def page_team(team: str, message: str) -> None:
    print(f"page {team}: {message}")
