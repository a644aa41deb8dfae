"""Replay yesterday's checkouts through the new receipt renderer."""

from datetime import date

from shop.checkout import finalize

ORDERS = [
    ("ana@example.com", {"MUG": 2, "STICKER": 4}, None),
    ("li@example.com", {"TEE": 1, "CAP": 1}, "welcome15"),
    ("sam@example.com", {"MUG": 1}, "NOPE"),
    ("kim@example.com", {"TEE": 2}, "SPRING10"),
]


def main() -> None:
    today = date(2024, 9, 14)
    for customer, items, coupon in ORDERS:
        print(finalize(customer, items, coupon, today))
        print("-" * 30)


if __name__ == "__main__":
    main()
