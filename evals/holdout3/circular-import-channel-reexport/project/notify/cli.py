import sys

from notify import send


def main(argv: list[str]) -> int:
    channel, to = argv[:2] if len(argv) >= 2 else ("email", "ana@example.com")
    print(send(channel, to, "order_shipped", {"name": "Ana", "order_id": "1042", "carrier": "DHL", "tracking": "JD01"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
