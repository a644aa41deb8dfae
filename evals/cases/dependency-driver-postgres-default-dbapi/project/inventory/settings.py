import os
from urllib.parse import quote_plus


def database_url() -> str:
    """Build the SQLAlchemy URL from the DB_* variables the platform provides."""
    user = os.environ.get("DB_USER", "inventory")
    password = quote_plus(os.environ.get("DB_PASSWORD", ""))
    host = os.environ.get("DB_HOST", "localhost")
    port = os.environ.get("DB_PORT", "5432")
    name = os.environ.get("DB_NAME", "inventory")
    return f"postgresql://{user}:{password}@{host}:{port}/{name}"
