from __future__ import annotations

from datetime import datetime

from analytics.report import weekly_report
from analytics.seed import seed

seed()
print(weekly_report(datetime(2024, 5, 6)))
