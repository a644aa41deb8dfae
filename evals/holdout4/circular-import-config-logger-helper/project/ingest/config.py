import os
from dataclasses import dataclass, field
from pathlib import Path

from ingest.logging_setup import get_logger

log = get_logger(__name__)

_DEPRECATED = {
    "INGEST_BUCKET": "INGEST_SOURCE_DIR",
    "INGEST_DEBUG": "INGEST_LOG_LEVEL",
}


@dataclass(frozen=True)
class Settings:
    service_name: str = "ingest"
    source_dir: Path = Path("inbox")
    archive_dir: Path = Path("archive")
    batch_size: int = 500
    log_level: str = "INFO"
    log_json: bool = False
    allowed_suffixes: tuple[str, ...] = field(default=(".csv", ".jsonl"))


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def load_settings() -> Settings:
    for old, new in _DEPRECATED.items():
        if old in os.environ:
            log.warning("%s is deprecated, use %s", old, new)
    return Settings(
        service_name=os.environ.get("INGEST_SERVICE_NAME", "ingest"),
        source_dir=Path(os.environ.get("INGEST_SOURCE_DIR", "inbox")),
        archive_dir=Path(os.environ.get("INGEST_ARCHIVE_DIR", "archive")),
        batch_size=int(os.environ.get("INGEST_BATCH_SIZE", "500")),
        log_level=os.environ.get("INGEST_LOG_LEVEL", "INFO").upper(),
        log_json=_env_bool("INGEST_LOG_JSON", False),
    )


settings = load_settings()
