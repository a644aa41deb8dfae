from contextvars import ContextVar

_current_tenant: ContextVar[str] = ContextVar("current_tenant")


def set_current_tenant(tenant: str) -> None:
    _current_tenant.set(tenant)


def current_tenant() -> str:
    return _current_tenant.get()
