"""Text helpers for titles, slugs and excerpts."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def _fold(text: str) -> str:
    """ASCII-fold text for URLs: 'Crème brûlée' -> 'Creme brulee'."""
    normalized = unicodedata.normalize("NFC", text)
    return normalized.encode("ascii", "ignore").decode("ascii")


def slugify(title: str, max_length: int = 60) -> str:
    slug = _NON_WORD.sub("-", _fold(title).lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


def excerpt(body: str, sentences: int = 2) -> str:
    parts = _SENTENCE_END.split(body.strip())
    return " ".join(parts[:sentences])


def reading_minutes(body: str, wpm: int = 220) -> int:
    return max(1, round(len(body.split()) / wpm))
