from notify.mailer import Mailer

SUBSCRIBERS = [
    ("lea@example.com", ["3 new orders", "1 refund"]),
    ("tom@example.com", ["stock low: MUG-01"]),
]


def build_digest(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def send_daily_digest(mailer: Mailer) -> int:
    for to, items in SUBSCRIBERS:
        mailer.queue(to, "Your daily digest", build_digest(items))
    return len(mailer.outbox.messages)
