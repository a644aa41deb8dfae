from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from blog.text import excerpt, reading_minutes, slugify


@dataclass
class Post:
    title: str
    slug: str
    author: str
    body: str = ""
    published: date | None = None
    tags: list[str] = field(default_factory=list)

    @classmethod
    def create(cls, title: str, author: str, body: str = "", taken: set[str] | None = None) -> Post:
        return cls(title=title.strip(), slug=unique_slug(title, taken or set()), author=author, body=body)

    @property
    def summary(self) -> str:
        return excerpt(self.body)

    @property
    def minutes(self) -> int:
        return reading_minutes(self.body)


def unique_slug(title: str, taken: set[str]) -> str:
    base = slugify(title)
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
