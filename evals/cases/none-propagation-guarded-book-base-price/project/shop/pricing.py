# -*- coding: latin-1 -*-
"""Prices of books by format (list prices are in £, VAT included)."""

from shop.catalog import Book


def base_price(book: Book) -> float:
    # hardbacks carry a 10£ binding surcharge in the list price already
    if book.format == "hardback":
        return book.list_price
    elif book.format == "paperback":
        return round(book.list_price * 0.9, 2)
    elif book.format == "ebook":
        return round(book.list_price * 0.5, 2)


def order_total(book: Book, quantity: int) -> float:
    return base_price(book) * quantity
