import ipaddress
import re
from typing import Any

_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+)")
SENSITIVE_KEYS = {"password", "token", "secret", "card_number"}


def mask_ip(value: str | None) -> str:
    if not value:
        return ""
    ip = ipaddress.ip_address(value)
    if ip.version == 4:
        return str(ipaddress.ip_network(f"{ip}/24", strict=False).network_address)
    return str(ipaddress.ip_network(f"{ip}/48", strict=False).network_address)


def mask_email(text: str) -> str:
    return _EMAIL.sub(r"\1***\2", text)


def redact_details(details: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in details.items():
        if key in SENSITIVE_KEYS:
            clean[key] = "[redacted]"
        elif isinstance(value, str):
            clean[key] = mask_email(value)
        elif isinstance(value, dict):
            clean[key] = redact_details(value)
        else:
            clean[key] = value
    return clean
