"""The real lookup service's answers as its OpenAPI spec describes them (lookup/openapi.json,
exported from the lookup app, which this environment cannot import; tests/lookup/
test_openapi_file.py fails when the file falls behind the app). The fake lookup service checks
each of its answers here, so the action tests cannot pass against shapes the service never sends."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
from jsonschema import Draft202012Validator

from tests.packs import ROOT

SPEC_FILE = ROOT / "lookup" / "openapi.json"
SPEC: dict[str, Any] = json.loads(SPEC_FILE.read_text(encoding="utf-8"))


def operation(method: str, path: str) -> dict[str, Any] | None:
    """The spec's operation for a request path (fixed paths before templated ones)."""
    for template in sorted(SPEC["paths"], key=lambda t: t.count("{")):
        if re.fullmatch(re.sub(r"\{[^/}]+\}", "[^/]+", template), path):
            found: dict[str, Any] | None = SPEC["paths"][template].get(method.lower())
            return found
    return None


def check(request: httpx.Request, response: httpx.Response) -> None:
    """AssertionError when the real service could not have answered `request` with `response`."""
    method, path, status = request.method, request.url.path, response.status_code
    where = f"fake lookup answered {method} {path} with {status}"
    spec = operation(method, path)
    if spec is None:
        assert status == 404, f"{where}, but the service has no such route ({SPEC_FILE.name})"
        return
    documented = spec["responses"].get(str(status))
    if documented is None:
        # Errors raised as HTTPException (401, 404 ...) are not all in the spec: FastAPI's shape.
        assert status >= 400, (
            f"{where}: not an answer the spec documents ({sorted(spec['responses'])})"
        )
        assert isinstance(response.json().get("detail"), str), f"{where}: {response.text}"
        return
    schema = documented.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return  # documented without a body schema
    validator = Draft202012Validator({**schema, "components": SPEC["components"]})
    problems = [
        f"{'/'.join(map(str, error.absolute_path)) or '(body)'}: {error.message}"
        for error in validator.iter_errors(response.json())
    ]
    assert not problems, f"{where}, not as {SPEC_FILE.name} says:\n" + "\n".join(problems)
