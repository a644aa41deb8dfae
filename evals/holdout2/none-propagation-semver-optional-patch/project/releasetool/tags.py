"""Where tags come from: `git tag --list` in CI, a snapshot file offline."""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOT = Path(__file__).with_name("data") / "tags.txt"


def list_tags(source: str | None = None) -> list[str]:
    path = Path(source or os.environ.get("RELEASETOOL_TAGS", SNAPSHOT))
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
