import asyncio

from delivery.service import quote_batch

ORDERS = [
    {"id": "o-1", "postcode": "10115", "basket_cents": 2_400},
    {"id": "o-2", "postcode": "80331", "basket_cents": 7_900},
]


if __name__ == "__main__":
    for q in asyncio.run(quote_batch(ORDERS)):
        print(q)
