from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Op = Literal["eq", "ne", "gte", "lte", "in"]


class Filter(BaseModel):
    field: str
    op: Op = "eq"
    value: Any


class Sort(BaseModel):
    field: str
    descending: bool = False


class SearchQuery(BaseModel):
    index: str
    filters: list[Filter] = Field(default_factory=list)
    sort: list[Sort] = Field(default_factory=list)
    page_size: int = Field(default=50, ge=1, le=500)


BASE_ORDER_QUERY = SearchQuery(
    index="orders",
    filters=[Filter(field="archived", op="eq", value=False)],
    sort=[Sort(field="placed_at", descending=True)],
)


def build_order_query(*, page_size: int | None = None, **criteria: Any) -> SearchQuery:
    query = BASE_ORDER_QUERY.model_copy(update={"page_size": page_size} if page_size else {})
    for name, value in criteria.items():
        op: Op = "in" if isinstance(value, (list, tuple, set)) else "eq"
        query.filters.append(Filter(field=name, op=op, value=value))
    return query
