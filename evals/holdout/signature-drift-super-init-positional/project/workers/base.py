"""Base class for the background workers started by the supervisor."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("workers")


@dataclass(frozen=True)
class Job:
    id: int
    payload: dict[str, Any]


class Worker:
    def __init__(
        self, name: str, *, queue: str = "default", retries: int = 3, concurrency: int = 1
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be >= 1")
        self.name = name
        self.queue = queue
        self.retries = retries
        self.concurrency = concurrency

    def describe(self) -> str:
        return f"{self.name} on {self.queue} (x{self.concurrency}, {self.retries} retries)"

    def handle(self, job: Job) -> str:
        raise NotImplementedError

    def run(self, jobs: Iterable[Job]) -> list[str]:
        results = []
        for job in jobs:
            for attempt in range(1, self.retries + 1):
                try:
                    results.append(self.handle(job))
                    break
                except ConnectionError:
                    log.warning("%s: job %s attempt %d failed", self.name, job.id, attempt)
        return results
