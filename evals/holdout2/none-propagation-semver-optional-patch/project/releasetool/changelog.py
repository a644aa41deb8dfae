"""Collecting the released versions out of the tag list."""

from __future__ import annotations

from releasetool.ordering import newest
from releasetool.versions import Version, try_parse


def collect_versions(tags: list[str], include_pre: bool = False) -> list[Version]:
    versions = [v for v in (try_parse(t) for t in tags) if v is not None]
    if not include_pre:
        versions = [v for v in versions if v.pre is None]
    return versions


def latest_release(tags: list[str]) -> Version | None:
    return newest(collect_versions(tags))
