"""The triage rulebook: (predicate, action) pairs applied in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from support import actions
from support.tickets import Ticket

Predicate = Callable[[Ticket], bool]
Action = Callable[[Ticket], None]


@dataclass(frozen=True)
class Rule:
    name: str
    when: Predicate
    then: Action
    stop: bool = False


def on_plan(*plans: str) -> Predicate:
    return lambda t: t.plan in plans


def older_than(age: timedelta) -> Predicate:
    return lambda t: t.age() > age


def both(a: Predicate, b: Predicate) -> Predicate:
    return lambda t: a(t) and b(t)


def default_rules() -> list[Rule]:
    return [
        Rule("billing-desk", lambda t: "invoice" in t.subject.lower(), partial(actions.assign, agent="billing-desk")),
        Rule(
            "enterprise-sla",
            both(on_plan("enterprise"), older_than(timedelta(hours=4))),
            partial(actions.escalate, tier=2, notify_customer=True),
        ),
        Rule(
            "stale-free",
            both(on_plan("free"), older_than(timedelta(days=30))),
            partial(actions.close, reason="no reply in 30 days"),
            stop=True,
        ),
    ]
