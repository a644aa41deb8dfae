"""Entry point of the digest cron job."""

from notify.digest import send_daily_digest
from notify.mailer import Mailer
from notify.settings import load_settings


def main() -> None:
    settings = load_settings()
    mailer = Mailer(settings)
    count = send_daily_digest(mailer)
    print(f"[{settings.env}] queued {count} digests for {mailer.outbox.host}:{mailer.outbox.port}")


if __name__ == "__main__":
    main()
