"""Queries against the billing database."""

from __future__ import annotations

from decimal import Decimal

import aiosqlite

from billing.models import Customer, Invoice, InvoiceLine


async def fetch_customer(conn: aiosqlite.Connection, customer_id: int) -> Customer:
    async with conn.execute(
        "SELECT id, name, email, vat_id FROM customers WHERE id = ?", (customer_id,)
    ) as cur:
        row = await cur.fetchone()
    if row is None:
        raise LookupError(f"customer {customer_id} not found")
    return Customer(id=row["id"], name=row["name"], email=row["email"], vat_id=row["vat_id"])


async def open_invoices(conn: aiosqlite.Connection) -> list[Invoice]:
    invoices: dict[str, Invoice] = {}
    async with conn.execute("SELECT number, customer_id FROM invoices ORDER BY number") as cur:
        async for row in cur:
            invoices[row["number"]] = Invoice(number=row["number"], customer_id=row["customer_id"])
    async with conn.execute(
        "SELECT invoice_number, description, quantity, unit_price FROM invoice_lines"
    ) as cur:
        async for row in cur:
            invoices[row["invoice_number"]].lines.append(
                InvoiceLine(row["description"], row["quantity"], Decimal(row["unit_price"]))
            )
    return list(invoices.values())
