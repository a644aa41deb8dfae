from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from blog.models import Article, Tag
from blog.slugs import slugify


def existing_tags(session: Session, slugs: set[str]) -> dict[str, Tag]:
    rows = session.scalars(select(Tag).where(Tag.slug.in_(slugs)))
    return {tag.slug: tag for tag in rows}


def tag_article(session: Session, article_id: int, labels: list[str]) -> list[str]:
    """Attach labels to an article, creating missing tags, in one transaction."""
    wanted = {slugify(label): label for label in labels}
    known = existing_tags(session, set(wanted))
    with session.begin():
        article = session.get(Article, article_id)
        if article is None:
            raise LookupError(f"article {article_id} not found")
        for slug, label in wanted.items():
            tag = known.get(slug) or Tag(slug=slug, label=label)
            if tag not in article.tags:
                article.tags.append(tag)
    return sorted(t.slug for t in article.tags)
