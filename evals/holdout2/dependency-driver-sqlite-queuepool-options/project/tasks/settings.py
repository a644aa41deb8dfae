"""Settings from the environment (production runs on Postgres behind pgbouncer)."""

from __future__ import annotations

import os

DATABASE_URL = os.getenv("TASKS_DATABASE_URL", "postgresql+psycopg://tasks@db:5432/tasks")

# Sized for 4 uvicorn workers against pgbouncer's 100-connection pool.
POOL_OPTIONS = {
    "pool_size": int(os.getenv("DB_POOL_SIZE", "10")),
    "max_overflow": int(os.getenv("DB_MAX_OVERFLOW", "5")),
    "pool_timeout": float(os.getenv("DB_POOL_TIMEOUT", "10")),
    "pool_recycle": 1800,
}

PAGE_SIZE = int(os.getenv("TASKS_PAGE_SIZE", "20"))
