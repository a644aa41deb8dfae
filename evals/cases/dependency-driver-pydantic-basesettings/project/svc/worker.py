"""Entry point of the stock-alert worker."""

from svc.alerts import low_stock


def main() -> None:
    for alert in low_stock({"MUG-01": 4, "LAMP-3": 40}):
        print(f"low stock: {alert.sku} ({alert.on_hand} left)")


if __name__ == "__main__":
    main()
