import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class Job:
    name: str
    fn: Callable[..., Any]
    every: timedelta
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    last_run: datetime | None = None

    def is_due(self, now: datetime) -> bool:
        return self.last_run is None or now - self.last_run >= self.every


class Scheduler:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}

    def add(
        self, name: str, fn: Callable[..., Any], *args: Any, every: timedelta, **kwargs: Any
    ) -> Job:
        if name in self._jobs:
            raise ValueError(f"duplicate job name: {name}")
        job = Job(name=name, fn=fn, every=every, args=args, kwargs=kwargs)
        self._jobs[name] = job
        return job

    @property
    def jobs(self) -> list[Job]:
        return list(self._jobs.values())

    def run_pending(self, now: datetime) -> list[str]:
        ran = []
        for job in self.jobs:
            if not job.is_due(now):
                continue
            log.info("running %s", job.name)
            job.fn(*job.args, **job.kwargs)
            job.last_run = now
            ran.append(job.name)
        return ran
