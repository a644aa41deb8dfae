from datetime import datetime

from app.activity import record_event
from app.models import User


def test_dormant_report_lists_idle_accounts(client, db):
    active = User(email="ana@example.com", plan="pro", created_at=datetime(2023, 1, 10))
    idle = User(email="ben@example.com", plan="free", created_at=datetime(2023, 2, 3))
    never = User(email="cleo@example.com", plan="free", created_at=datetime(2024, 1, 5))
    db.add_all([active, idle, never])
    db.flush()
    record_event(db, active.id, "login", datetime(2024, 8, 28, 9, 15))
    record_event(db, idle.id, "login", datetime(2024, 3, 2, 18, 40))
    db.commit()

    resp = client.get("/admin/reports/dormant", params={"days": 90})

    assert resp.status_code == 200
    emails = [a["email"] for a in resp.json()["accounts"]]
    assert emails == ["cleo@example.com", "ben@example.com"]
