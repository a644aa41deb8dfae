from datetime import date

from app.models import Customer, Invoice
from app.payments import record_payment


def seed(db):
    acme = Customer(name="Acme GmbH", email="billing@acme.example")
    db.add(acme)
    db.flush()
    march = Invoice(
        number="INV-2024-0031",
        customer_id=acme.id,
        issued_on=date(2024, 3, 1),
        due_on=date(2024, 3, 31),
        total_cents=120_000,
    )
    april = Invoice(
        number="INV-2024-0047",
        customer_id=acme.id,
        issued_on=date(2024, 4, 2),
        due_on=date(2024, 5, 2),
        total_cents=45_500,
    )
    db.add_all([march, april])
    db.flush()
    record_payment(db, march, 100_000, date(2024, 3, 20), reference="SEPA-88123")
    record_payment(db, march, 20_000, date(2024, 4, 3), reference="SEPA-90211")
    db.commit()
    return acme


def test_statement_lists_open_and_paid_invoices(client, db):
    acme = seed(db)

    resp = client.get(f"/customers/{acme.id}/statement")

    assert resp.status_code == 200
    body = resp.json()
    assert [line["status"] for line in body["invoices"]] == ["paid", "overdue"]
    assert body["balance_cents"] == 45_500


def test_unknown_customer_is_404(client):
    resp = client.get("/customers/999/statement")
    assert resp.status_code == 404
