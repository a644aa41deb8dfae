from __future__ import annotations

from fastapi import FastAPI, HTTPException

from tenancy.config import UnknownTenant, tenant_config
from tenancy.mail import Outbox, smtp_settings
from tenancy.security import redact

app = FastAPI(title="tenancy")
outbox = Outbox(sent=[])


def _config(tenant: str) -> dict[str, object]:
    try:
        return tenant_config(tenant)
    except UnknownTenant:
        raise HTTPException(status_code=404, detail=f"no tenant {tenant}") from None


@app.get("/admin/tenants/{tenant}")
def show_tenant(tenant: str) -> dict[str, object]:
    return redact(_config(tenant))


@app.post("/tenants/{tenant}/test-mail")
def send_test_mail(tenant: str, to: str) -> dict[str, str]:
    smtp = smtp_settings(_config(tenant))
    outbox.deliver(smtp, to, "SMTP settings test")
    return {"status": "sent", "via": smtp.host}
