"""The invoice run: render every open invoice and queue it for sending."""

from __future__ import annotations

import logging

import aiosqlite

from billing import customers, repository
from billing.render import render_invoice

log = logging.getLogger(__name__)


async def run_invoicing(conn: aiosqlite.Connection, outbox: list[str]) -> int:
    sent = 0
    for invoice in await repository.open_invoices(conn):
        customer = await customers.get_customer(conn, invoice.customer_id)
        outbox.append(render_invoice(invoice, customer))
        log.info("queued %s for customer %s", invoice.number, invoice.customer_id)
        sent += 1
    return sent
