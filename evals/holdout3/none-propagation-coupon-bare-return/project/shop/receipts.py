from __future__ import annotations

from shop.cart import Cart

TAX_PCT = 8


def money(cents: int) -> str:
    return f"${cents // 100}.{cents % 100:02d}"


def build_receipt(cart: Cart) -> str:
    rows = [f"{line.sku:<10} x{line.quantity:<3} {money(line.subtotal_cents):>10}" for line in cart.lines]
    total = cart.total_cents
    tax = total * TAX_PCT // 100
    rows.append(f"{'discount':<15} {cart.discount_pct:>9}%")
    rows.append(f"{'tax':<15} {money(tax):>10}")
    rows.append(f"{'total':<15} {money(total + tax):>10}")
    return "\n".join([f"receipt for {cart.customer}", *rows])
