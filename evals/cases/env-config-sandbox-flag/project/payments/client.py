from payments.http import PreparedRequest, prepare
from payments.settings import PaymentSettings


class PaymentsClient:
    def __init__(self, settings: PaymentSettings, transport=None) -> None:
        self.settings = settings
        self.transport = transport or (lambda req: {"id": "re_dry_run", "url": req.url})

    @property
    def api_key(self) -> str | None:
        return self.settings.sandbox_key if self.settings.sandbox else self.settings.live_key

    def refund(self, payment_id: str, amount_cents: int) -> dict:
        req: PreparedRequest = prepare(
            "POST", self.settings.api_base, f"/payments/{payment_id}/refunds",
            self.api_key, {"amount": amount_cents},
        )
        return self.transport(req)
