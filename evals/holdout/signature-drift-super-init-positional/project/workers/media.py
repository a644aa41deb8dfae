from __future__ import annotations

from workers.base import Job, Worker


class ThumbnailWorker(Worker):
    sizes = (64, 256, 1024)

    def __init__(self, bucket: str) -> None:
        super().__init__("thumbnails", queue="media", concurrency=4)
        self.bucket = bucket

    def handle(self, job: Job) -> str:
        key = job.payload["key"]
        return ", ".join(f"{self.bucket}/{size}/{key}" for size in self.sizes)


class TranscodeWorker(Worker):
    def __init__(self, preset: str = "h264-720p") -> None:
        super().__init__("transcode", queue="media-heavy", retries=1)
        self.preset = preset

    def handle(self, job: Job) -> str:
        return f"transcode {job.payload['key']} with {self.preset}"
