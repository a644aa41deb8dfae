"""Connection setup for the worker's SQLite database."""

from __future__ import annotations

import aiosqlite

SCHEMA = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, vat_id TEXT);
CREATE TABLE invoices (number TEXT PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id));
CREATE TABLE invoice_lines (
    invoice_number TEXT NOT NULL REFERENCES invoices(number),
    description TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_price TEXT NOT NULL
);
"""

SEED = [
    ("INSERT INTO customers VALUES (?, ?, ?, ?)", (1, "Acme GmbH", "billing@acme.example", "DE811907980")),
    ("INSERT INTO customers VALUES (?, ?, ?, ?)", (2, "Globex Ltd", "ap@globex.example", None)),
    ("INSERT INTO invoices VALUES (?, ?)", ("INV-2024-0001", 1)),
    ("INSERT INTO invoices VALUES (?, ?)", ("INV-2024-0002", 2)),
    ("INSERT INTO invoice_lines VALUES (?, ?, ?, ?)", ("INV-2024-0001", "Pro plan", 3, "49.00")),
    ("INSERT INTO invoice_lines VALUES (?, ?, ?, ?)", ("INV-2024-0001", "Extra storage", 1, "9.50")),
    ("INSERT INTO invoice_lines VALUES (?, ?, ?, ?)", ("INV-2024-0002", "Starter plan", 1, "19.00")),
]


async def connect(path: str = ":memory:") -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path)
    conn.row_factory = aiosqlite.Row
    await conn.executescript(SCHEMA)
    for sql, params in SEED:
        await conn.execute(sql, params)
    await conn.commit()
    return conn
