"""Importing supplier feeds."""

from ingest.errors import ImportFailed
from ingest.headers import find_header


def parse_feed(path: str, text: str) -> list[dict[str, str]]:
    lines = text.splitlines()
    header = find_header(lines)
    columns = [c.strip() for c in header.split(";")]
    rows = []
    for line in lines[1:]:
        rows.append(dict(zip(columns, line.split(";"))))
    return rows


def import_feed(path: str, text: str) -> int:
    try:
        rows = parse_feed(path, text)
    except Exception as exc:
        raise ImportFailed(path, type(exc).__name__) from exc
    return len(rows)
