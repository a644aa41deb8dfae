from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TextIO

Formatter = Callable[[Any, Any], Any]


class Exporter:
    """Write invoices to a stream; subclasses customise fields with format_<field> methods."""

    name: ClassVar[str] = ""
    formatters: ClassVar[dict[str, Formatter]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for attr, value in vars(cls).items():
            if attr.startswith("format_") and callable(value):
                cls.formatters[attr.removeprefix("format_")] = value

    def row(self, record: Any) -> dict[str, Any]:
        data = dataclasses.asdict(record)
        for field, value in data.items():
            formatter = self.formatters.get(field)
            if formatter is not None:
                data[field] = formatter(self, value)
        return data

    def export(self, records: Iterable[Any], out: TextIO) -> int:
        rows = [self.row(r) for r in records]
        self.write(rows, out)
        return len(rows)

    def write(self, rows: list[dict[str, Any]], out: TextIO) -> None:
        raise NotImplementedError
