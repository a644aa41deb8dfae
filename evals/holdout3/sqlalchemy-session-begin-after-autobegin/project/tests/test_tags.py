import pytest

from blog.db import make_engine, new_session
from blog.models import Article
from blog.slugs import slugify
from blog.tags import tag_article


@pytest.fixture()
def session():
    engine = make_engine()
    s = new_session(engine)
    with s.begin():
        s.add_all([Article(id=1, title="Hello"), Article(id=2, title="Second")])
    yield s
    s.close()


def test_slugify_folds_accents():
    assert slugify("Café Society!") == "cafe-society"


def test_tag_article_creates_tags(session):
    assert tag_article(session, 1, ["Python", "Web Dev"]) == ["python", "web-dev"]


def test_tag_article_reuses_tags(session):
    tag_article(session, 1, ["Python"])
    assert tag_article(session, 2, ["python", "SQL"]) == ["python", "sql"]
