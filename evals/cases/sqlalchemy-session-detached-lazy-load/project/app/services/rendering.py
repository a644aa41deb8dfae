"""Plain-text invoice rendering (the PDF service consumes this layout)."""


def money(cents: int, currency: str) -> str:
    return f"{cents / 100:>10,.2f} {currency}"


def render_lines(invoice) -> list[str]:
    rows = []
    for line in invoice.lines:
        total = line.quantity * line.unit_cents
        rows.append(f"{line.position:>3}  {line.description:<40} {line.quantity:>4}  {money(total, invoice.currency)}")
    return rows


def render_invoice(invoice) -> str:
    header = [f"INVOICE {invoice.number}", invoice.customer_name, invoice.issued_on.isoformat(), ""]
    body = render_lines(invoice)
    return "\n".join(header + body)
