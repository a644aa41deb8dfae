from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from crm.models import Contact


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


def partner_contacts(path: Path) -> Iterator[Contact]:
    for row in read_rows(path):
        yield Contact.model_validate({**row, "source": "partner"})
