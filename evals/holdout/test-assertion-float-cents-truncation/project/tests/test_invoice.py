from __future__ import annotations

from invoicing.invoice import Invoice
from invoicing.money import format_cents
from invoicing.tax import vat_cents


def test_vat_rounds_half_up():
    assert vat_cents(250, "DE") == 48  # 47.5 -> 48


def test_b2b_is_reverse_charged():
    assert vat_cents(10_000, "FR", business=True) == 0


def test_format_negative_amounts():
    assert format_cents(-1234) == "-12.34 EUR"


def test_invoice_totals():
    inv = Invoice("INV-2024-0042", "DE").add("Pro plan", 19.99).add("Extra seat", 4.10, quantity=3)
    assert inv.net_cents == 3229
    assert inv.total_cents == 3843
