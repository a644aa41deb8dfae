from __future__ import annotations


class UpstreamError(RuntimeError):
    """An internal service answered with an error status."""

    def __init__(self, service: str, status: int, detail: str = "") -> None:
        super().__init__(f"{service} answered {status}{': ' + detail if detail else ''}")
        self.service = service
        self.status = status
