import sqlite3


def row_to_dict(row: sqlite3.Row) -> dict:
    return {
        "reference": row["reference"],
        "customer": row["customer_email"],
        "total_cents": row["total_cents"],
        "placed_at": row["placed_at"],
    }


def orders_for_day(conn: sqlite3.Connection, day: str) -> list[dict]:
    rows = conn.execute(
        "select * from orders where substr(placed_at, 1, 10) = ? order by id", (day,)
    )
    return [row_to_dict(r) for r in rows]
