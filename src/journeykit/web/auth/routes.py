"""The routes of the app as the gate sees them: every one with its name, and the one a
request will reach."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any

from fastapi.routing import RouteContext, iter_route_contexts
from starlette.routing import Match
from starlette.types import ASGIApp


@dataclass(frozen=True)
class RouteMatch:
    """The route a request reaches and the path parameters it was called with."""

    name: str
    path_params: dict[str, str]


def app_routes(app: Any) -> Iterator[RouteContext]:
    """Every route of ``app``, those of included routers too, in the order they match."""
    yield from iter_route_contexts(app.routes)


def find_route(app: ASGIApp, scope: MutableMapping[str, Any]) -> RouteMatch | None:
    """The route the router will run for ``scope``, or ``None`` (it answers 404 or 405).

    The router takes the first route that matches path and method; so does this.
    """
    for route in app_routes(app):
        match, child = route.matches(scope)
        if match == Match.FULL:
            params = {k: str(v) for k, v in child.get("path_params", {}).items()}
            return RouteMatch(str(route.name), params)
    return None
