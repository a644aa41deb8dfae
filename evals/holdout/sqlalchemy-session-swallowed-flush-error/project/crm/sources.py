"""Rows from the marketing team's export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

EXPORT = """email,name,company
ada@analytical.example,Ada  Lovelace,Analytical Engines Ltd
grace@acme.example,Grace Hopper,Acme Ltd
linus@kernel.example,Linus T,Kernel Inc.
"""


def rows(text: str = EXPORT) -> Iterator[dict[str, str]]:
    yield from csv.DictReader(io.StringIO(text))
