"""Tenant configuration rows (the control-plane database in production)."""

from __future__ import annotations

TENANT_ROWS: dict[str, dict[str, object]] = {
    "acme": {
        "name": "Acme GmbH",
        "plan": "team",
        "smtp_host": "smtp.acme.example",
        "smtp_user": "mailer@acme.example",
        "smtp_password": "s3cr3t-acme",
        "api_key": "ak_live_acme_51f0",
        "features": ["sso", "audit-log"],
    },
    "globex": {
        "name": "Globex Ltd",
        "plan": "starter",
        "smtp_host": "smtp.globex.example",
        "smtp_user": "noreply@globex.example",
        "smtp_password": "globex-pw",
        "api_key": "ak_live_globex_9c2e",
        "features": [],
    },
}
