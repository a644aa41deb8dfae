from app.db import SessionLocal, init_db
from app.importer import import_all

ROWS = [
    {"source": "shopify", "email": "Ana@Example.com ", "items": [{"sku": "MUG", "qty": 2, "unit_cents": 1250}]},
    {"source": "etsy", "email": "li@example.com", "items": [{"sku": "TEE", "qty": 1, "unit_cents": 2400}]},
]


def main() -> None:
    init_db()
    with SessionLocal() as session:
        ids = import_all(session, ROWS)
    print(f"imported {len(ids)} orders: {ids}")


if __name__ == "__main__":
    main()
