from shop.orders import quote

BASKET = [("978-0-00-000001-1", 1), ("978-0-00-000002-8", 2), ("978-0-00-000003-5", 1)]


def main() -> None:
    for isbn, qty in BASKET:
        line = quote(isbn, qty)
        print(f"{line['title']:<14} x{line['quantity']}  {line['total']:8.2f}")


if __name__ == "__main__":
    main()
