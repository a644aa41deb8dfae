from __future__ import annotations

from fulfil.models import Customer

_CUSTOMERS = {
    7: Customer(7, "ana@example.com", "pt"),
    12: Customer(12, "li@example.com", "en"),
}


class CustomerNotFound(LookupError):
    pass


def lookup(customer_id: int) -> Customer:
    try:
        return _CUSTOMERS[customer_id]
    except KeyError:
        raise CustomerNotFound(customer_id) from None
