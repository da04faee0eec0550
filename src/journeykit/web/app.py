"""The FastAPI application of the browser workspace.

>>> import tempfile
>>> from pathlib import Path
>>> from fastapi.testclient import TestClient
>>> from journeykit.store import Workspace
>>> with tempfile.TemporaryDirectory() as folder:
...     Workspace.create(Path(folder) / "ws").close()
...     with TestClient(create_app(Path(folder) / "ws", author="doc")) as client:
...         print(client.get("/healthz").json()["ok"])
True
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
from journeykit.web.api import discovery as discovery_api
from journeykit.web.api import journeys as journeys_api
from journeykit.web.api import projects as projects_api
from journeykit.web.errors import install_error_handlers, refuse_large_bodies
from journeykit.web.pages import discover as discover_pages
from journeykit.web.pages import journeys as journey_pages
from journeykit.web.pages import maps as map_pages
from journeykit.web.pages import projects as project_pages
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


def create_app(workspace_path: Path, *, author: str | None = None) -> FastAPI:
    """The app serving the workspace at ``workspace_path``; ``author`` is recorded on the
    revisions it saves (default: ``JOURNEYKIT_AUTHOR``, else the operating-system user)."""
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

    app.include_router(journeys_api.router)
    app.include_router(projects_api.router)
    app.include_router(project_pages.router)
    app.include_router(map_pages.router)
    app.include_router(journey_pages.router)
    # insight (helper F): numbers, discovery review, report
    app.include_router(discovery_api.router)
    app.include_router(discover_pages.router)
    return app
