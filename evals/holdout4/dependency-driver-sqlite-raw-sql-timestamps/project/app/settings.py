import os

DATABASE_URL = os.getenv(
    "DATABASE_URL", "postgresql+psycopg://accounts:accounts@localhost:5432/accounts"
)
DORMANT_AFTER_DAYS = int(os.getenv("DORMANT_AFTER_DAYS", "90"))
