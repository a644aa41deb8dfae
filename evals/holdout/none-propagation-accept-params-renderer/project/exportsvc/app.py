"""A small WSGI service behind the reporting proxy: GET /orders[?customer=...]."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

from exportsvc.negotiation import preferred
from exportsvc.orders import orders_for
from exportsvc.renderers import renderer_for

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Handler = Callable[[dict[str, Any]], tuple[str, list[tuple[str, str]], bytes]]
ROUTES: dict[str, Handler] = {}


def route(path: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        ROUTES[path] = handler
        return handler

    return register


@route("/orders")
def list_orders(environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
    query = parse_qs(environ.get("QUERY_STRING", ""))
    rows = orders_for(query.get("customer", [None])[0])
    media_type = preferred(environ.get("HTTP_ACCEPT"))
    renderer = renderer_for(media_type)
    body = renderer.render(rows)
    return "200 OK", [("Content-Type", renderer.media_type)], body


def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    handler = ROUTES.get(environ.get("PATH_INFO", "/"))
    if handler is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    status, headers, body = handler(environ)
    start_response(status, headers + [("Content-Length", str(len(body)))])
    return [body]
