from datetime import datetime

ORDERS = [
    {"id": 1001, "customer": "acme", "status": "open", "total_cents": 12900,
     "placed_at": datetime(2024, 5, 2, 9, 15), "archived": False},
    {"id": 1002, "customer": "globex", "status": "shipped", "total_cents": 4500,
     "placed_at": datetime(2024, 5, 2, 11, 40), "archived": False},
    {"id": 1003, "customer": "acme", "status": "shipped", "total_cents": 30250,
     "placed_at": datetime(2024, 5, 3, 8, 5), "archived": False},
    {"id": 1004, "customer": "initech", "status": "cancelled", "total_cents": 999,
     "placed_at": datetime(2024, 5, 3, 16, 30), "archived": False},
    {"id": 1005, "customer": "globex", "status": "open", "total_cents": 7800,
     "placed_at": datetime(2024, 5, 4, 10, 0), "archived": False},
    {"id": 998, "customer": "acme", "status": "shipped", "total_cents": 1500,
     "placed_at": datetime(2024, 4, 28, 14, 20), "archived": True},
]
