from billing.exporters.base import Exporter
from billing.exporters.csv_exporter import CsvExporter
from billing.exporters.json_exporter import JsonExporter
from billing.exporters.ledger_exporter import LedgerExporter

EXPORTERS: dict[str, type[Exporter]] = {
    cls.name: cls for cls in (CsvExporter, JsonExporter, LedgerExporter)
}


def get_exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]()
    except KeyError:
        raise ValueError(f"unknown export format {name!r}; one of {', '.join(EXPORTERS)}") from None


__all__ = ["EXPORTERS", "CsvExporter", "Exporter", "JsonExporter", "LedgerExporter", "get_exporter"]
