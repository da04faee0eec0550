"""The FastAPI application of the browser workspace.

>>> import tempfile
>>> from pathlib import Path
>>> from fastapi.testclient import TestClient
>>> from journeykit.store import Workspace
>>> with tempfile.TemporaryDirectory() as folder:
...     Workspace.create(Path(folder) / "ws").close()
...     with TestClient(create_app(Path(folder) / "ws", author="doc")) as client:
...         print(client.get("/healthz").json()["ok"], client.get("/api/v1/journeys").status_code)
True 401
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from journeykit import __version__
from journeykit.settings import current_settings
from journeykit.store import Workspace
from journeykit.web.api import audit as audit_api
from journeykit.web.api import comments as comments_api
from journeykit.web.api import discovery as discovery_api
from journeykit.web.api import facts as facts_api
from journeykit.web.api import insight as insight_api
from journeykit.web.api import journeys as journeys_api
from journeykit.web.api import projects as projects_api
from journeykit.web.api import shares as shares_api
from journeykit.web.auth.guard import Guard
from journeykit.web.errors import install_error_handlers, refuse_large_bodies
from journeykit.web.pages import audit as audit_pages
from journeykit.web.pages import auth as auth_pages
from journeykit.web.pages import comments as comment_pages
from journeykit.web.pages import discover as discover_pages
from journeykit.web.pages import facts as fact_pages
from journeykit.web.pages import journeys as journey_pages
from journeykit.web.pages import maps as map_pages
from journeykit.web.pages import present as present_pages
from journeykit.web.pages import projects as project_pages
from journeykit.web.pages import shares as share_pages
from journeykit.web.pages import touchpoints as touchpoint_pages
from journeykit.web.services.transfer import MAX_UPLOAD_BYTES
from journeykit.web.templating import STATIC_FOLDER, build_templates

#: Room for the multipart framing and form fields around the largest accepted upload.
BODY_OVERHEAD = 64 * 1024

API_DESCRIPTION = (
    "The journeykit workspace as JSON: journeys in the file format, every edit the pages can "
    "make (each naming the revision it is based on; a stale base answers 409), history, diffs, "
    "restore, import and export. Errors have one shape: "
    '`{"ok": false, "error": ..., "code": ..., "status": ...}`.'
)


def _announce_bearer_tokens(app: FastAPI) -> None:
    """Name the Bearer token in the OpenAPI document, so Swagger UI's *Authorize* sends it."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
            schemes["bearer"] = {
                "type": "http",
                "scheme": "bearer",
                "description": "A token from `journeykit token create USER`.",
            }
            schema["security"] = [{"bearer": []}]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(
    workspace_path: Path, *, author: str | None = None, unknown_route_status: int = 403
) -> FastAPI:
    """The app serving the workspace at ``workspace_path``.

    Every route but the login page, ``/healthz`` and static files needs an account (a browser
    session or an API token) with the role :mod:`journeykit.web.policy` names; the account's
    name is recorded on the revisions it saves. ``author`` is the name used where no account
    acts (default: ``JOURNEYKIT_AUTHOR``, else the operating-system user). A route missing
    from the policy answers ``unknown_route_status`` (tests make it 500).
    """
    workspace = Workspace.open(workspace_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            workspace.close()

    app = FastAPI(
        title="journeykit",
        version=__version__,
        description=API_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.workspace = workspace
    app.state.author = author or current_settings().resolved_author()
    app.state.templates = build_templates()
    install_error_handlers(app)
    # Added first, so it runs after the body limit (which wraps it) and before every route.
    app.add_middleware(Guard, unknown_route_status=unknown_route_status)
    refuse_large_bodies(app, limit=MAX_UPLOAD_BYTES + BODY_OVERHEAD)
    app.mount("/static", StaticFiles(directory=STATIC_FOLDER), name="static")

    @app.get("/healthz", tags=["service"])
    def healthz() -> dict[str, Any]:
        """Whether the server answers and its workspace can be read."""
        return {
            "ok": True,
            "workspace": workspace.name,
            "journeys": len(workspace.journeys().list()),
        }

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # FastAPI's default docs page loads Swagger UI from a CDN; these files ship with us.
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="journeykit API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            # Swagger UI would otherwise send the spec to its online validator.
            swagger_ui_parameters={"validatorUrl": None},
        )

    app.include_router(auth_pages.router)
    app.include_router(audit_api.router)
    app.include_router(audit_pages.router)
    app.include_router(journeys_api.router)
    app.include_router(projects_api.router)
    app.include_router(project_pages.router)
    app.include_router(map_pages.router)
    app.include_router(touchpoint_pages.router)
    app.include_router(journey_pages.router)
    app.include_router(comments_api.router)
    app.include_router(shares_api.router)
    app.include_router(comment_pages.router)
    app.include_router(share_pages.router)
    app.include_router(present_pages.router)
    app.include_router(facts_api.router)
    app.include_router(fact_pages.router)
    app.include_router(discovery_api.router)
    app.include_router(insight_api.router)
    app.include_router(discover_pages.router)
    _announce_bearer_tokens(app)
    return app
