import os
from dataclasses import dataclass


@dataclass(frozen=True)
class PaymentSettings:
    api_base: str
    sandbox: bool
    live_key: str | None
    sandbox_key: str | None
    timeout: float

    @classmethod
    def from_env(cls) -> "PaymentSettings":
        return cls(
            api_base=os.getenv("PAYMENTS_API_BASE", "https://api.payments.example/v2"),
            sandbox=os.getenv("PAYMENTS_SANDBOX", "false"),
            live_key=os.getenv("PAYMENTS_LIVE_KEY"),
            sandbox_key=os.getenv("PAYMENTS_SANDBOX_KEY"),
            timeout=float(os.getenv("PAYMENTS_TIMEOUT", "10")),
        )
