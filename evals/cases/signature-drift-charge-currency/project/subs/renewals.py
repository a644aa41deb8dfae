"""Nightly job: charge every subscription that renews today."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from subs import gateway
from subs.models import Subscription

log = logging.getLogger(__name__)


def renew(sub: Subscription, today: date) -> gateway.Charge:
    charge = gateway.charge(sub.customer_id, sub.price_cents, idempotency_key=f"renew-{sub.id}-{today}")
    sub.renews_on = today + timedelta(days=30)
    return charge


def run(subscriptions: list[Subscription], today: date) -> list[gateway.Charge]:
    due = [s for s in subscriptions if s.active and s.renews_on <= today]
    log.info("%d of %d subscriptions renew today", len(due), len(subscriptions))
    return [renew(sub, today) for sub in due]
