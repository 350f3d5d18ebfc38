"""lookup/openapi.json is the lookup app's spec as it stands: the action server's tests check
their fake lookup service against that file, so it must change whenever a route or a response
model does."""

from __future__ import annotations

import json

import pytest

from lookup.openapi import REGENERATE, SPEC_FILE, render, spec


def test_the_checked_in_openapi_spec_is_the_apps() -> None:
    current = render(spec())
    checked_in = SPEC_FILE.read_text(encoding="utf-8") if SPEC_FILE.exists() else ""
    if checked_in == current:
        return
    old = json.loads(checked_in or "{}").get("paths", {})
    new = json.loads(current)["paths"]
    routes = sorted(path for path in old.keys() | new.keys() if old.get(path) != new.get(path))
    pytest.fail(
        f"{SPEC_FILE} is out of date with the lookup app "
        f"(routes that differ: {', '.join(routes) or 'none; shared schemas or metadata'}).\n"
        f"Regenerate it with:  {REGENERATE}\n"
        "and commit it with the change to the app.",
        pytrace=False,
    )
