"""Open a ticket through the API, the way the support widget does."""

from fastapi.testclient import TestClient

from helpdesk.main import create_app

client = TestClient(create_app())
r = client.post(
    "/tickets",
    json={"subject": "Refund not received", "body": "Order A-1002, cancelled on May 3."},
    headers={"X-User-Email": "Mia.Keller@example.com"},
)
print(r.status_code, r.json())
