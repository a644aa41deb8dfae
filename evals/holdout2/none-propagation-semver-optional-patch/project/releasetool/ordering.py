"""Ordering versions the way semver does: pre-releases sort before their release."""

from __future__ import annotations

from releasetool.versions import Version


def sort_key(version: Version) -> tuple:
    numeric = (int(version.major), int(version.minor), int(version.patch))
    # (False, pre) < (True, "") puts 2.0.0-rc.1 before 2.0.0.
    return (*numeric, version.pre is None, version.pre or "")


def newest(versions: list[Version]) -> Version | None:
    return max(versions, key=sort_key) if versions else None
