"""The lookup service's OpenAPI spec as a file kept in the repository (lookup/openapi.json): the
action server's tests check their fake lookup service's answers against it, in an environment
that cannot import this service. `make openapi` (`liaison openapi --out lookup/openapi.json`)
writes it again; tests/lookup/test_openapi_file.py fails while the file is out of date."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

SPEC_FILE = Path(__file__).resolve().parent / "openapi.json"
REGENERATE = "make openapi  (or: .venv/lookup/bin/liaison openapi --out lookup/openapi.json)"


def spec() -> dict[str, Any]:
    """The spec the service serves at /openapi.json, from an app over an empty in-memory database
    and a throw-away data folder (nothing of this machine's data or secrets is read)."""
    from lookup.app import create_app
    from lookup.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        app = create_app(Settings(data_dir=Path(folder), database_url="sqlite://"))
        try:
            return app.openapi()
        finally:
            app.state.engine.dispose()


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
