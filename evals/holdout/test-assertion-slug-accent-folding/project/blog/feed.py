"""Atom feed for the blog's front page."""

from __future__ import annotations

from xml.sax.saxutils import escape

from blog.posts import Post

SITE = "https://blog.example.com"


def entry(post: Post) -> str:
    return (
        "<entry>"
        f"<title>{escape(post.title)}</title>"
        f"<link href=\"{SITE}/{post.slug}/\"/>"
        f"<author><name>{escape(post.author)}</name></author>"
        f"<summary>{escape(post.summary)}</summary>"
        "</entry>"
    )


def feed(posts: list[Post]) -> str:
    published = sorted((p for p in posts if p.published), key=lambda p: p.published, reverse=True)
    return "<feed xmlns=\"http://www.w3.org/2005/Atom\">" + "".join(entry(p) for p in published) + "</feed>"
