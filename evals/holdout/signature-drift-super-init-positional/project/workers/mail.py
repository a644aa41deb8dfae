from __future__ import annotations

from workers.base import Job, Worker


class EmailWorker(Worker):
    """Sends transactional mail; a flaky SMTP relay is why it retries more than the others."""

    def __init__(self, relay: str, queue: str = "emails") -> None:
        super().__init__("email", queue, 5)
        self.relay = relay

    def handle(self, job: Job) -> str:
        return f"via {self.relay}: {job.payload['template']} -> {job.payload['to']}"
