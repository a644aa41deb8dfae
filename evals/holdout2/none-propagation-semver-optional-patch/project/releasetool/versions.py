"""Parsing release tags such as ``v2.4.1`` or ``2.5.0-rc.1``."""

from __future__ import annotations

import re
from typing import NamedTuple

# Older tags were cut as "v1.8" before we adopted three-part versions.
VERSION_RE = re.compile(
    r"^v?(?P<major>\d+)\.(?P<minor>\d+)(?:\.(?P<patch>\d+))?(?:-(?P<pre>[0-9A-Za-z.]+))?$"
)


class Version(NamedTuple):
    major: str
    minor: str
    patch: str
    pre: str | None = None

    def __str__(self) -> str:
        core = f"{self.major}.{self.minor}.{self.patch}"
        return f"{core}-{self.pre}" if self.pre else core


class InvalidTag(ValueError):
    """A tag that is not a release tag (e.g. ``nightly`` or ``docs-2023``)."""


def parse_version(tag: str) -> Version:
    match = VERSION_RE.match(tag.strip())
    if match is None:
        raise InvalidTag(tag)
    return Version(match["major"], match["minor"], match["patch"], match["pre"])


def try_parse(tag: str) -> Version | None:
    try:
        return parse_version(tag)
    except InvalidTag:
        return None
