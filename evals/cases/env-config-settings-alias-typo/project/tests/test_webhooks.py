import hashlib
import hmac

from fastapi.testclient import TestClient

from app.main import app


def test_signed_webhook_is_accepted():
    body = b'{"type": "invoice.paid"}'
    sig = hmac.new(b"whsec_test", b"1700000000." + body, hashlib.sha256).hexdigest()
    client = TestClient(app)
    r = client.post(
        "/webhooks/stripe", content=body, headers={"stripe-signature": f"t=1700000000,v1={sig}"}
    )
    assert r.status_code == 200
