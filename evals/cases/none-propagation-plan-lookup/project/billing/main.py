"""Print this month's invoices."""

from billing.accounts import load_accounts
from billing.invoices import invoice_total


def run():
    for account in load_accounts():
        total = invoice_total(account)
        print(f"{account.email:<20} {total / 100:>8.2f} EUR")


if __name__ == "__main__":
    run()
