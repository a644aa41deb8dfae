import csv
import json
from datetime import datetime
from pathlib import Path

from auditlog.models import AuditEvent
from auditlog.redact import mask_email, mask_ip, redact_details
from auditlog.repository import AuditRepository

COLUMNS = ["id", "occurred_at", "actor", "action", "target", "ip_prefix", "details"]


def _row(event: AuditEvent) -> list[str]:
    return [
        str(event.id),
        event.occurred_at.isoformat(),
        mask_email(event.actor),
        event.action,
        f"{event.target_type}:{event.target_id}",
        mask_ip(event.ip_address),
        json.dumps(redact_details(event.details), sort_keys=True),
    ]


def export_csv(repo: AuditRepository, since: datetime, until: datetime, dest: Path) -> int:
    dest.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with dest.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for event in repo.iter_events(since, until):
            writer.writerow(_row(event))
            written += 1
    return written
