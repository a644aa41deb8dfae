import hashlib
import hmac
import json
import time
from dataclasses import dataclass

import httpx

API_BASE = "https://api.paylane.example/v1"


class PaymentError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


@dataclass(frozen=True)
class Charge:
    id: str
    amount_cents: int
    currency: str
    status: str


class PaymentGateway:
    def __init__(
        self,
        api_key: str | None = None,
        account_id: str | None = None,
        sandbox: bool = False,
        timeout: float = 10.0,
    ) -> None:
        self.api_key = api_key
        self.account_id = account_id
        self.sandbox = sandbox
        self.timeout = timeout

    def _sign(self, body: bytes, idempotency_key: str) -> str:
        message = idempotency_key.encode() + b"." + body
        return hmac.new(self.api_key.encode(), message, hashlib.sha256).hexdigest()

    def _headers(self, body: bytes, idempotency_key: str) -> dict[str, str]:
        return {
            "Content-Type": "application/json",
            "Idempotency-Key": idempotency_key,
            "X-Account": self.account_id or "",
            "X-Sent-At": str(int(time.time())),
            "X-Signature": self._sign(body, idempotency_key),
        }

    def charge(
        self, amount_cents: int, currency: str, reference: str, idempotency_key: str
    ) -> Charge:
        body = json.dumps(
            {"amount": amount_cents, "currency": currency.lower(), "reference": reference},
            sort_keys=True,
        ).encode()
        headers = self._headers(body, idempotency_key)
        if self.sandbox:
            digest = hashlib.sha1(idempotency_key.encode()).hexdigest()[:16]
            return Charge(id=f"ch_test_{digest}", amount_cents=amount_cents,
                          currency=currency, status="succeeded")
        resp = httpx.post(f"{API_BASE}/charges", content=body, headers=headers,
                          timeout=self.timeout)
        data = resp.json()
        if resp.status_code >= 400:
            raise PaymentError(data.get("code", "unknown"), data.get("message", resp.text))
        return Charge(id=data["id"], amount_cents=data["amount"],
                      currency=data["currency"].upper(), status=data["status"])

    def refund(self, charge_id: str, idempotency_key: str) -> str:
        body = json.dumps({"charge": charge_id}, sort_keys=True).encode()
        headers = self._headers(body, idempotency_key)
        if self.sandbox:
            return "re_test_" + hashlib.sha1(charge_id.encode()).hexdigest()[:16]
        resp = httpx.post(f"{API_BASE}/refunds", content=body, headers=headers,
                          timeout=self.timeout)
        if resp.status_code >= 400:
            data = resp.json()
            raise PaymentError(data.get("code", "unknown"), data.get("message", resp.text))
        return resp.json()["id"]
