"""Monthly invoice computation."""

from billing.plans import find_plan

SEAT_PRICE = 500


def line_items(account):
    plan = find_plan(account.plan_code)
    items = [(plan.name, plan.monthly_price)]
    if account.extra_seats:
        items.append((f"{account.extra_seats} extra seats", account.extra_seats * SEAT_PRICE))
    return items


def invoice_total(account):
    return sum(amount for _, amount in line_items(account))
