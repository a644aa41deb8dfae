"""Export formats register themselves here with @register; get() looks them up by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, ClassVar

# The built-in formats register on import, so every caller of get() sees them.
from exporter.formats import csv_format, jsonl_format  # noqa: F401

_FORMATS: dict[str, type[Format]] = {}


class UnknownFormat(LookupError):
    pass


class Format:
    """Writes rows (dicts with the same keys) to a text stream."""

    name: ClassVar[str] = ""
    extension: ClassVar[str] = ".txt"

    def __init__(self, columns: Sequence[str]) -> None:
        self.columns = list(columns)

    def write(self, rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
        raise NotImplementedError


def register(name: str) -> Callable[[type[Format]], type[Format]]:
    def add(cls: type[Format]) -> type[Format]:
        cls.name = name
        _FORMATS[name] = cls
        return cls

    return add


def get(name: str) -> type[Format]:
    try:
        return _FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r}; have {', '.join(sorted(_FORMATS))}") from None


def load_plugins(modules: Iterable[str]) -> None:
    """Import third-party format modules named in the config (they register themselves)."""
    for module in modules:
        importlib.import_module(module)
