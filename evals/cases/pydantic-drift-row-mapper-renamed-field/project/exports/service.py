import json

from exports.repository import orders_for_day
from exports.schemas import OrderExport


def export_day(conn, day: str) -> str:
    records = [OrderExport.model_validate(data) for data in orders_for_day(conn, day)]
    return "\n".join(json.dumps(r.model_dump(mode="json")) for r in records)
