"""Tidy up what people type into the sign-up form."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_SUFFIXES = (" ltd", " ltd.", " limited", " inc", " inc.", " gmbh")


def email(value: str) -> str:
    return value.strip().lower()


def person_name(value: str) -> str:
    return _SPACES.sub(" ", value).strip().title()


def company_name(value: str) -> str:
    cleaned = _SPACES.sub(" ", value).strip()
    lowered = cleaned.lower()
    for suffix in _SUFFIXES:
        if lowered.endswith(suffix):
            return cleaned[: -len(suffix)].strip() + " Ltd"
    return cleaned
