"""Settings for the reporting API, read from the environment when this module is imported."""

import os

API_TOKEN = os.environ["REPORTS_API_TOKEN"]
WAREHOUSE_DSN = os.environ.get("WAREHOUSE_DSN", "sqlite:///warehouse.db")
MAX_ROWS = int(os.environ.get("REPORTS_MAX_ROWS", "5000"))
