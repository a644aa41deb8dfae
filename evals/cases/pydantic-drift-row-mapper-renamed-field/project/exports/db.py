import sqlite3

SCHEMA = """
create table orders (
    id integer primary key,
    reference text not null,
    customer_email text not null,
    total_cents integer not null,
    placed_at text not null
);
"""


def connect(path: str = ":memory:") -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA)
    conn.executemany(
        "insert into orders values (?, ?, ?, ?, ?)",
        [
            (1, "A-1001", "lea@example.com", 2599, "2024-06-01T09:12:00"),
            (2, "A-1002", "omar@example.com", 990, "2024-06-01T10:40:00"),
        ],
    )
    return conn
