from fastapi import Header, HTTPException

from app.tenancy import set_current_tenant

KNOWN_TENANTS = {"acme", "globex", "initech"}


def bind_tenant(x_tenant: str = Header(...)) -> str:
    tenant = x_tenant.strip().lower()
    if tenant not in KNOWN_TENANTS:
        raise HTTPException(status_code=404, detail="unknown tenant")
    set_current_tenant(tenant)
    return tenant
