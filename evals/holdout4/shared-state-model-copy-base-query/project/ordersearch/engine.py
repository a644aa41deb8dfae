from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from typing import Any

from ordersearch.errors import QueryError
from ordersearch.query import Filter, SearchQuery

Predicate = Callable[[dict[str, Any]], bool]

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gte": operator.ge,
    "lte": operator.le,
    "in": lambda left, right: left in right,
}


class SearchEngine:
    def __init__(self) -> None:
        self._indexes: dict[str, list[dict[str, Any]]] = {}

    def load(self, index: str, documents: Iterable[dict[str, Any]]) -> None:
        self._indexes.setdefault(index, []).extend(documents)

    def search(self, query: SearchQuery) -> list[dict[str, Any]]:
        try:
            documents = self._indexes[query.index]
        except KeyError:
            raise QueryError(f"unknown index {query.index!r}") from None
        predicates = self._compile(query.filters)
        hits = [doc for doc in documents if all(p(doc) for p in predicates)]
        for sort in reversed(query.sort):
            hits.sort(key=lambda doc: doc[sort.field], reverse=sort.descending)
        return hits[: query.page_size]

    def _compile(self, filters: list[Filter]) -> list[Predicate]:
        seen_eq: dict[str, Any] = {}
        predicates: list[Predicate] = []
        for f in filters:
            if f.op == "eq":
                if f.field in seen_eq and seen_eq[f.field] != f.value:
                    raise QueryError(
                        f"conflicting filters on {f.field!r}: "
                        f"{seen_eq[f.field]!r} and {f.value!r} can never both match",
                        field=f.field,
                    )
                seen_eq[f.field] = f.value
            predicates.append(self._predicate(f))
        return predicates

    @staticmethod
    def _predicate(f: Filter) -> Predicate:
        compare = _OPS[f.op]
        return lambda doc: f.field in doc and compare(doc[f.field], f.value)
