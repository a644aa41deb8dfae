"""The book catalogue (a dict standing in for the database)."""

from dataclasses import dataclass


@dataclass
class Book:
    isbn: str
    title: str
    format: str
    list_price: float


BOOKS = {
    "978-0-00-000001-1": Book("978-0-00-000001-1", "Tide Tables", "hardback", 24.0),
    "978-0-00-000002-8": Book("978-0-00-000002-8", "Salt Roads", "paperback", 11.0),
    "978-0-00-000003-5": Book("978-0-00-000003-5", "Night Ferry", "audiobook", 18.0),
}


def get_book(isbn: str) -> Book | None:
    return BOOKS.get(isbn)
