"""What a rule can do to a ticket. Rules bind the keyword options with functools.partial."""

from __future__ import annotations

from support.notify import email_customer, page_team
from support.tickets import Ticket

TEAMS = {1: "support-l1", 2: "support-l2", 3: "engineering-oncall"}


def assign(ticket: Ticket, *, agent: str) -> None:
    ticket.assignee = agent
    ticket.log.append(f"assigned to {agent}")


def escalate(ticket: Ticket, *, level: int, notify_customer: bool = False) -> None:
    """Move the ticket to support level 1-3 and page that team."""
    if level not in TEAMS:
        raise ValueError(f"no support level {level}")
    ticket.level = max(ticket.level, level)
    page_team(TEAMS[level], f"#{ticket.id} {ticket.subject}")
    if notify_customer:
        email_customer(ticket.customer, f"Re: {ticket.subject}", "A specialist is on it.")
    ticket.log.append(f"escalated to level {level}")


def close(ticket: Ticket, *, reason: str, survey: bool = True) -> None:
    ticket.status = "closed"
    ticket.log.append(f"closed: {reason}")
    if survey:
        email_customer(ticket.customer, "How did we do?", f"Ticket #{ticket.id} was closed.")
