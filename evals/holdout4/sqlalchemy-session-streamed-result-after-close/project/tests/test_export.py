import csv
from datetime import timedelta

from auditlog.export import export_csv
from auditlog.redact import mask_ip, redact_details

from .conftest import DAY


def test_mask_ip():
    assert mask_ip("10.20.3.77") == "10.20.3.0"
    assert mask_ip(None) == ""


def test_redact_details():
    out = redact_details({"token": "t0k", "note": "by jane.doe@acme.test"})
    assert out == {"token": "[redacted]", "note": "by j***@acme.test"}


def test_record_event(repo):
    event = repo.record(
        occurred_at=DAY + timedelta(hours=23),
        actor="ops@northwind.test",
        action="export.download",
        target_type="report",
        target_id="daily",
        ip_address=None,
    )
    assert event.id is not None


def test_export_day(repo, tmp_path):
    dest = tmp_path / "out" / "audit.csv"
    n = export_csv(repo, DAY, DAY + timedelta(days=1), dest)
    assert n == repo.count_between(DAY, DAY + timedelta(days=1)) == 480
    with dest.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["ip_prefix"] == "10.20.0.0"
    assert "[redacted]" in rows[0]["details"]
