class SearchError(Exception):
    """Base class for search failures."""


class QueryError(SearchError):
    """The query cannot be executed as written."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
