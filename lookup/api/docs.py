"""The API docs page (Swagger UI), only when LIAISON_DOCS=1, and served entirely by the service:
Swagger UI 5's files come from the fastapi-offline package's static folder (FastAPI's own /docs
loads them from a public CDN on the console's origin, and its favicon from fastapi.tiangolo.com:
issue 18, item 12; swagger-ui-bundle ships Swagger UI 4, which cannot read OpenAPI 3.1). The
page's policy lets it load nothing from anywhere else, not even Swagger's online validator."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).parent / "static"
STATIC = "/docs/static"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Liaison lookup service: API</title>
<link rel="stylesheet" href="{STATIC}/swagger-ui.css">
<link rel="icon" type="image/png" href="{STATIC}/favicon.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{STATIC}/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
"""

# No inline script (the policy forbids it); validatorUrl null: no call to validator.swagger.io.
INIT = """window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
"""


def install(app: FastAPI) -> None:
    """Add /docs (the page), /docs/init.js and Swagger UI's files under /docs/static."""

    @app.get("/docs", include_in_schema=False)
    async def docs_page() -> HTMLResponse:
        return HTMLResponse(PAGE, headers=HEADERS)

    @app.get("/docs/init.js", include_in_schema=False)
    async def docs_init() -> Response:
        return Response(INIT, media_type="text/javascript", headers=HEADERS)

    app.mount(STATIC, StaticFiles(directory=ASSETS), name="docs-static")
