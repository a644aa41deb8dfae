"""HTTP content negotiation: pick the media type the client prefers (RFC 9110 Accept)."""

from __future__ import annotations

DEFAULT_MEDIA_TYPE = "application/json"


def parse_accept(header: str) -> list[tuple[str, float]]:
    """[(media type, quality)] best first, e.g. 'text/csv;q=0.5, */*;q=0.1'."""
    ranked = []
    for part in header.split(","):
        media_type, _, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                quality = float(value)
        ranked.append((part.strip(), quality))
    return sorted(ranked, key=lambda item: item[1], reverse=True)


def preferred(header: str | None) -> str:
    if not header or header.strip() == "*/*":
        return DEFAULT_MEDIA_TYPE
    return parse_accept(header)[0][0]
