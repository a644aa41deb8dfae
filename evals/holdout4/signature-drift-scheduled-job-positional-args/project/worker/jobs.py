from datetime import timedelta

from worker.maintenance import purge_expired_sessions
from worker.reports.usage import build_usage_report
from worker.scheduler import Scheduler
from worker.settings import Settings


def register_jobs(scheduler: Scheduler, settings: Settings) -> None:
    scheduler.add(
        "sessions:purge",
        purge_expired_sessions,
        every=timedelta(hours=6),
        older_than_days=settings.session_ttl_days,
    )
    scheduler.add(
        "usage-report:all",
        build_usage_report,
        settings.report_window_days,
        every=timedelta(days=1),
    )
    for tenant in settings.tenants:
        scheduler.add(
            f"usage-report:{tenant}",
            build_usage_report,
            tenant,
            settings.report_window_days,
            every=timedelta(days=1),
        )
