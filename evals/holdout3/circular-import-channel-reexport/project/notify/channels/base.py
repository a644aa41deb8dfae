from __future__ import annotations

from abc import ABC, abstractmethod


class Channel(ABC):
    name = "base"
    outbox: list[tuple[str, str]]

    def __init__(self) -> None:
        self.outbox = []

    @abstractmethod
    def deliver(self, to: str, key: str, context: dict[str, str]) -> str: ...
