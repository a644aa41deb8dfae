from __future__ import annotations

from blog.posts import Post, unique_slug
from blog.text import excerpt, slugify


def test_plain_title_slug():
    assert slugify("Hello, World!") == "hello-world"


def test_long_title_is_cut_on_a_word():
    slug = slugify("a " * 10 + "very-long-title " * 10, max_length=30)
    assert len(slug) <= 30 and not slug.endswith("-")


def test_unique_slug_gets_a_suffix():
    assert unique_slug("Release notes", {"release-notes", "release-notes-2"}) == "release-notes-3"


def test_accented_title_slug():
    post = Post.create("Café Crème at Noon", author="ana")
    assert post.slug == "cafe-creme-at-noon"


def test_excerpt_keeps_two_sentences():
    assert excerpt("One. Two! Three?") == "One. Two!"
