"""The console's enrolment codes page (issue 19): an officer makes a code (shown once, only its
hash kept), sees who enrolled with it, and revokes it."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from common.enrolment import canonical
from lookup.store.enrolment import enrol, find_code
from lookup.store.items import now
from tests.console.conftest import csrf_of


@pytest.fixture
def client(sqlite_client: TestClient) -> TestClient:
    return sqlite_client


def test_an_officer_makes_lists_and_revokes_a_code(officer: TestClient) -> None:
    token = csrf_of(officer, "/console/enrolment")
    form = officer.get("/console/enrolment").text.split('name="nation"')[1].split("</select>")[0]
    nations = re.findall(r'<option value="([^"]+)"', form)
    assert nations  # the exercise's nations
    made = officer.post(
        "/console/enrolment", data={"nation": nations[-1], "uses": "3", "csrf_token": token}
    )
    assert made.status_code == 200
    shown = re.search(r'id="new-code">([^<]+)<', made.text)
    assert shown and canonical(shown.group(1))
    code = shown.group(1)
    with officer.app.state.session_factory() as session:  # type: ignore[attr-defined]
        row = find_code(session, code)
        assert row is not None and row.created_by == "Capt. Nadia Haddad"
        enrol(session, "telegram", "5531", code, now())
        session.commit()
        code_id = row.id
    page = officer.get("/console/enrolment").text
    assert code not in page  # shown once, never again
    assert f"{code[:4]}-…" in page and "telegram:5531" in page and "1 / 3" in page
    revoked = officer.post(
        f"/console/enrolment/{code_id}/revoke",
        data={"csrf_token": csrf_of(officer, "/console/enrolment")},
    )
    assert revoked.status_code == 303
    with officer.app.state.session_factory() as session:  # type: ignore[attr-defined]
        row = find_code(session, code)
        assert row is not None and row.revoked_at is not None


def test_a_code_for_a_nation_not_in_the_exercise_is_refused(officer: TestClient) -> None:
    token = csrf_of(officer, "/console/enrolment")
    refused = officer.post("/console/enrolment", data={"nation": "zzz", "csrf_token": token})
    assert refused.status_code == 422 and 'id="new-code"' not in refused.text


def test_the_page_needs_a_signed_in_officer(client: TestClient) -> None:
    page = client.get("/console/enrolment", follow_redirects=False)
    assert page.status_code in (302, 303, 401)
