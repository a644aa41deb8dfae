"""python -m support.triage: run the rulebook over the inbox."""

from __future__ import annotations

import sys

from support.rules import Rule, default_rules
from support.tickets import Ticket, inbox


def apply_rules(ticket: Ticket, rules: list[Rule]) -> list[str]:
    fired = []
    for rule in rules:
        if not rule.when(ticket):
            continue
        rule.then(ticket)
        fired.append(rule.name)
        if rule.stop:
            break
    return fired


def main() -> int:
    rules = default_rules()
    for ticket in inbox():
        fired = apply_rules(ticket, rules)
        print(f"#{ticket.id}: {', '.join(fired) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
