from datetime import date

from app.reminders import build_reminder


def test_build_reminder_uses_customer_locale():
    invoice = {
        "id": 7,
        "number": "INV-0007",
        "amount_cents": 1250,
        "due_on": date(2024, 5, 1),
        "customer_name": "Acme GmbH",
        "email": "billing@acme.test",
        "locale": "de",
    }
    reminder = build_reminder(invoice, date(2024, 5, 15))
    assert reminder.subject == "Zahlungserinnerung: Rechnung INV-0007 ist seit 14 Tagen fällig"
    assert reminder.amount == "12.50"


def test_outstanding_total(client):
    response = client.get("/customers/2/outstanding")
    assert response.json() == {"customer_id": 2, "amount_cents": 45050}


def test_preview_lists_only_unpaid_overdue_invoices(client):
    response = client.post("/reminders/preview", params={"on": "2024-05-20"})
    assert response.status_code == 200
    body = response.json()
    assert [r["to"] for r in body] == [
        "Acme GmbH <billing@acme.test>",
        "Globex <ap@globex.test>",
    ]
    assert body[0]["subject"].startswith("Zahlungserinnerung: Rechnung INV-0141")
