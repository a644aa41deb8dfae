"""python -m workers.supervisor: build every worker from the deployment config and start it."""

from __future__ import annotations

import logging
import sys

from workers.base import Worker
from workers.mail import EmailWorker
from workers.media import ThumbnailWorker, TranscodeWorker

CONFIG = {
    "thumbnails": {"bucket": "cdn-assets"},
    "transcode": {"preset": "h264-1080p"},
    "email": {"relay": "smtp-relay.internal:587"},
}


def build_workers(config: dict[str, dict[str, str]]) -> list[Worker]:
    return [
        ThumbnailWorker(**config["thumbnails"]),
        TranscodeWorker(**config["transcode"]),
        EmailWorker(**config["email"]),
    ]


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    for worker in build_workers(CONFIG):
        logging.getLogger("supervisor").info("starting %s", worker.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
