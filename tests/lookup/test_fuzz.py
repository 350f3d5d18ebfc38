"""The lookup service's OpenAPI spec fuzzed with schemathesis, in process (issue 18): every route,
with valid and invalid inputs, without credentials, as the action server (service token) and as
an admin, must never answer 5xx.

Bounded for `make test` (about a minute on 2 cores): LIAISON_FUZZ_EXAMPLES cases per route and
credential (default 20; briefings, which render documents, get a third), derandomized so a run is
reproducible. Raise LIAISON_FUZZ_EXAMPLES locally to search further; anything found gets a
regression test of its own beside the fix."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.core.result import Ok

from lookup.app import create_app
from lookup.packs.importer import import_pack
from lookup.packs.loader import load_pack
from lookup.packs.schema import MODEL_OF_KIND, TOPICS
from lookup.settings import Settings
from tests.packs import other_pack, write_pack

EXAMPLES = int(os.environ.get("LIAISON_FUZZ_EXAMPLES", "20"))
ADMIN_TOKEN = "fuzz-admin-token-0123456789"
SERVICE_TOKEN = "fuzz-service-token-0123456789"
# Three cases in four get valid values where random ones would stop at the first check (a
# made-up language or kind is a 422 or 404 before anything interesting runs).
VALID: dict[str, list[Any]] = {
    "lang": ["ar", "en", "fr"],
    "language": ["ar", "en", "fr"],
    "kind": sorted(MODEL_OF_KIND),
    "topic": list(TOPICS),
    "audience": ["gst", "hst"],
    "item_id": ["mess-tent", "medic", "prayer-tent", "hostland"],
    "channel": ["telegram", "socketio"],
    "sender_id": ["tg-1", "web-2"],
    "handoff_id": [1, 2],
}
CREDENTIALS = {
    "anonymous": {},
    "service": {"Authorization": f"Bearer {SERVICE_TOKEN}"},
    "admin": {"Authorization": f"Bearer {ADMIN_TOKEN}"},
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder = tmp_path_factory.mktemp("fuzz")
    settings_ = Settings(
        data_dir=folder / "data",
        admin_tokens=f"fuzzer:{ADMIN_TOKEN}",
        service_token=SERVICE_TOKEN,
        rasa_url="http://127.0.0.1:9",  # nothing listens: officer replies fail, cleanly
        rasa_timeout=0.5,
    )
    application = create_app(settings_)
    import_pack(
        application.state.session_factory,
        load_pack(write_pack(Path(folder) / "pack.yml", other_pack())).pack,
    )
    yield application
    application.state.engine.dispose()


def steer(case: schemathesis.Case, data: st.DataObject) -> None:
    """Valid values for the parameters and body fields that gate everything else."""
    containers = [case.path_parameters, case.query, case.body]
    for container in containers:
        if not isinstance(container, dict):
            continue
        for name, choices in VALID.items():
            if name in container:
                container[name] = data.draw(st.sampled_from(choices))


@pytest.mark.parametrize("who", list(CREDENTIALS))
def test_no_route_answers_5xx(app: FastAPI, who: str) -> None:
    schema = schemathesis.openapi.from_dict(app.openapi())
    schema.app = app
    failures: list[str] = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"the spec has an invalid operation: {result}"
        operation = result.ok()
        examples = max(2, EXAMPLES // 3) if "/briefings/" in operation.path else EXAMPLES
        strategy = st.one_of(
            operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
            operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
        )

        @given(case=strategy, data=st.data())
        @settings(
            max_examples=examples,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def call(case: schemathesis.Case, data: st.DataObject) -> None:
            if data.draw(st.integers(0, 3)) > 0:
                steer(case, data)
            response = case.call(headers=CREDENTIALS[who])
            if response.status_code >= 500:
                route = f"{case.operation.method.upper()} {case.operation.path}"
                failures.append(f"{route} -> {response.status_code}: {case.as_curl_command()}")

        call()
    assert failures == [], "\n".join(failures[:20])
