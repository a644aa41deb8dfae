"""Placing orders."""

from shop.catalog import get_book
from shop.pricing import order_total


class UnknownBook(LookupError):
    pass


def quote(isbn: str, quantity: int) -> dict[str, object]:
    book = get_book(isbn)
    if book is None:
        raise UnknownBook(isbn)
    total = order_total(book, quantity)
    return {"isbn": isbn, "title": book.title, "quantity": quantity, "total": total}
