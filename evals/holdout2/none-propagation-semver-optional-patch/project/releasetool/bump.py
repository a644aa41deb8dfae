"""Computing the next version from the newest release."""

from __future__ import annotations

from releasetool.versions import Version

PARTS = ("major", "minor", "patch")


def bump(version: Version, part: str) -> Version:
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}")
    major, minor = int(version.major), int(version.minor)
    patch = int(version.patch or 0)
    if part == "major":
        return Version(str(major + 1), "0", "0")
    if part == "minor":
        return Version(str(major), str(minor + 1), "0")
    return Version(str(major), str(minor), str(patch + 1))
