"""Nightly job: refund orders cancelled after payment."""

from payments.client import PaymentsClient
from payments.settings import PaymentSettings

CANCELLED = [("pay_71AB", 2599), ("pay_71AC", 1200)]


def run() -> None:
    client = PaymentsClient(PaymentSettings.from_env())
    for payment_id, amount in CANCELLED:
        result = client.refund(payment_id, amount)
        print("refunded", payment_id, result["id"])


if __name__ == "__main__":
    run()
