"""Per-tenant configuration with a process-wide cache (the control plane is slow)."""

from __future__ import annotations

from tenancy.store import TENANT_ROWS

_cache: dict[str, dict[str, object]] = {}


class UnknownTenant(LookupError):
    pass


def tenant_config(tenant: str) -> dict[str, object]:
    if tenant not in _cache:
        if tenant not in TENANT_ROWS:
            raise UnknownTenant(tenant)
        _cache[tenant] = dict(TENANT_ROWS[tenant])
    return _cache[tenant]
