import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    out_dir: Path = Path("out")
    tenants: tuple[str, ...] = field(default_factory=tuple)
    report_window_days: int = 30
    session_ttl_days: int = 14


def load_settings() -> Settings:
    tenants = tuple(
        t.strip() for t in os.environ.get("WORKER_TENANTS", "").split(",") if t.strip()
    )
    return Settings(
        data_dir=Path(os.environ.get("WORKER_DATA_DIR", "data")),
        out_dir=Path(os.environ.get("WORKER_OUT_DIR", "out")),
        tenants=tenants,
        report_window_days=int(os.environ.get("WORKER_REPORT_WINDOW_DAYS", "30")),
        session_ttl_days=int(os.environ.get("WORKER_SESSION_TTL_DAYS", "14")),
    )
