from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("DIGEST_DATA_DIR", Path(__file__).resolve().parent.parent / "data"))
PROFILE_TTL_SECONDS = int(os.environ.get("DIGEST_PROFILE_TTL", "900"))
MAX_ITEMS_PER_DIGEST = 5
