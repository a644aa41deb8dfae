"""Turn rows into response bodies."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any


class Renderer:
    media_type = "application/octet-stream"

    def render(self, rows: Sequence[dict[str, Any]]) -> bytes:
        raise NotImplementedError


class JsonRenderer(Renderer):
    media_type = "application/json"

    def render(self, rows: Sequence[dict[str, Any]]) -> bytes:
        return json.dumps({"items": list(rows), "count": len(rows)}, default=str).encode()


class CsvRenderer(Renderer):
    media_type = "text/csv"

    def render(self, rows: Sequence[dict[str, Any]]) -> bytes:
        buf = io.StringIO()
        if rows:
            writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return buf.getvalue().encode()


RENDERERS: dict[str, Renderer] = {r.media_type: r for r in (JsonRenderer(), CsvRenderer())}


def renderer_for(media_type: str) -> Renderer | None:
    return RENDERERS.get(media_type)
