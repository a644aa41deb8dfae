import argparse
import logging
import time

from mailer.broker import Broker, parse_redis_url
from mailer.delivery import deliver
from mailer.settings import load_settings

log = logging.getLogger("mailer.worker")


def run(once: bool = False) -> None:
    settings = load_settings()
    log.info("starting: queue=%s broker=%s", settings.queue_name, settings.redis_url)
    broker = Broker(parse_redis_url(settings.redis_url))
    broker.connect()
    try:
        while True:
            batch = broker.pop_batch(settings.queue_name, settings.batch_size)
            sent = deliver(batch, settings)
            if sent:
                log.info("delivered %d messages", sent)
            if once:
                break
            if not batch:
                time.sleep(settings.poll_interval)
    finally:
        broker.close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="mailer-worker")
    parser.add_argument("--once", action="store_true", help="process one batch and exit")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    run(once=args.once)


if __name__ == "__main__":
    main()
