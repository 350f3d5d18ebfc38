"""Issue 19 on the real stack: participants' facts only for visitors enrolled with a code made by
the real CLI; the enrolment explanation otherwise, in the visitor's language; revoked and expired
codes stop working; the handoff queue shows an enrolled visitor's nation."""

from __future__ import annotations

import queue
import re
import sqlite3
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest
import socketio

from tests.e2e.helpers import (
    ENROL_SENTENCES,
    QUESTIONS,
    enrolled_sender,
    liaison,
    new_enrolment_code,
    response_text,
    say,
)
from tests.packs import SAMPLE_PACK, read_pack, topic_text
from tools.stack import Stack

pytestmark = pytest.mark.e2e

SAMPLE = read_pack(SAMPLE_PACK)
NATION_NAMES = {n["code"]: n["name"] for n in SAMPLE["exercise"]["nations"]}
OFFICER, PASSWORD = "tiers-officer", "tiers officer pass phrase"


def meal_facts(lang: str) -> list[str]:
    """Times in the sample's meal answer (05:30, 05h30...): none may reach an unenrolled one."""
    text = " ".join(topic_text(SAMPLE, "meals", lang))
    return sorted(set(re.findall(r"\d\d[:h]\d\d", text)))


def enrol_with(stack: Stack, code: str, lang: str, sender: str) -> list[str]:
    return say(stack, ENROL_SENTENCES[lang].format(code=code), sender=sender)


def enrolled_text(lang: str, nation: str) -> str:
    return response_text("utter_enrolled", lang).replace("{nation}", NATION_NAMES[nation][lang])


@pytest.mark.parametrize("lang", ["ar", "en", "fr", "ur"])
def test_the_code_turns_the_explanation_into_the_fact(stack: Stack, lang: str) -> None:
    sender = f"tiers-{lang}"
    question = QUESTIONS[("meals", lang)]
    before = say(stack, question, sender=sender)
    assert before == [response_text("utter_enrol_needed", lang)]
    assert meal_facts(lang) and not any(fact in " ".join(before) for fact in meal_facts(lang))
    code = new_enrolment_code(stack, "nmk")
    assert enrol_with(stack, code, lang, sender) == [enrolled_text(lang, "nmk")]
    assert say(stack, question, sender=sender) == topic_text(SAMPLE, "meals", lang)
    # Public answers never needed a code.
    emergency = QUESTIONS[("emergency_contacts", lang)]
    assert say(stack, emergency) == topic_text(SAMPLE, "emergency_contacts", lang)


MY_LIAISON_OFFICER = {
    "en": "who is my liaison officer",
    "fr": "c'est qui mon officier de liaison",
    "ar": "مين ضابط الارتباط تبعي",
    "ur": "میرا لائزن افسر کون ہے",
}


@pytest.mark.parametrize("lang", ["ar", "en", "fr", "ur"])
def test_my_liaison_officer_is_my_own_contingents(stack: Stack, lang: str) -> None:
    """Issues 19/20: the lookup service knows an enrolled visitor's nation, and "who is my
    liaison officer" gets that contingent's officer, not the duty officer or every contact."""
    contacts = {contact["id"]: contact["name"][lang] for contact in SAMPLE["contacts"]}
    sender = enrolled_sender(stack, lang, "vlm")
    answer = " ".join(say(stack, MY_LIAISON_OFFICER[lang], sender=sender))
    assert contacts["valmere-liaison-girard"] in answer
    assert not any(
        name in answer for id_, name in contacts.items() if id_ != "valmere-liaison-girard"
    )


def test_a_code_alone_in_upper_case_works_too(stack: Stack) -> None:
    sender = "tiers-bare"
    say(stack, "good morning", sender=sender)
    code = new_enrolment_code(stack, "nhr")
    assert say(stack, code, sender=sender) == [enrolled_text("en", "nhr")]


def test_a_revoked_code_stops_working_for_new_and_enrolled_visitors(stack: Stack) -> None:
    code = new_enrolment_code(stack, "nmk")
    holder = "tiers-holder"
    assert enrol_with(stack, code, "en", holder) == [enrolled_text("en", "nmk")]
    revoked = liaison(stack, "revoke-enrolment-code", code)
    assert revoked.returncode == 0, revoked.stderr
    assert enrol_with(stack, code, "fr", "tiers-late") == [
        response_text("utter_enrol_expired", "fr")
    ]
    assert say(stack, QUESTIONS[("meals", "en")], sender=holder) == [
        response_text("utter_enrol_needed", "en")
    ]


def test_an_expired_code_stops_working(stack: Stack) -> None:
    code = new_enrolment_code(stack, "nmk")
    # Codes cannot be made already expired; the clock is moved on in the database instead.
    database = Path(stack.config.env["LIAISON_DATA_DIR"]) / "liaison.db"
    with sqlite3.connect(database) as connection:
        yesterday = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat(" ")
        connection.execute(
            "UPDATE enrolment_codes SET expires_at = ? WHERE hint = ?", (yesterday, code[:4])
        )
    assert enrol_with(stack, code, "ar", "tiers-expired") == [
        response_text("utter_enrol_expired", "ar")
    ]
    assert say(stack, QUESTIONS[("meals", "ar")], sender="tiers-expired") == [
        response_text("utter_enrol_needed", "ar")
    ]


def test_the_handoff_queue_shows_the_enrolled_nation(stack: Stack) -> None:
    created = subprocess.run(
        [
            str(stack.config.lookup_env / "bin" / "liaison"),
            "add-staff",
            OFFICER,
            "--password-stdin",
        ],
        input=PASSWORD,
        text=True,
        capture_output=True,
        env=stack.config.environment(),
    )
    assert created.returncode == 0, created.stderr
    # A handoff needs a channel the officer's reply can reach: the web chat's socket.io.
    events: queue.Queue[str] = queue.Queue()
    chat = socketio.Client(reconnection=False)
    chat.on("session_confirm", lambda data: events.put(str(data)))
    chat.on("bot_uttered", lambda data: events.put(str(data.get("text", ""))))
    chat.connect(stack.url("rasa"), transports=["polling"], wait_timeout=10)
    try:
        chat.emit("session_request", {"session_id": None})
        session = events.get(timeout=10)
        code = new_enrolment_code(stack, "nhr")
        chat.emit("user_uttered", {"message": f"my code is {code}", "session_id": session})
        assert events.get(timeout=30) == enrolled_text("en", "nhr")
        chat.emit(
            "user_uttered",
            {"message": "I need to talk to a real person please", "session_id": session},
        )
        events.get(timeout=30)  # the handoff's acknowledgement
    finally:
        chat.disconnect()
    with httpx.Client(base_url=stack.url("lookup"), follow_redirects=True) as console:
        page = console.get("/console/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token
        console.post(
            "/console/login",
            data={"username": OFFICER, "password": PASSWORD, "csrf_token": token.group(1)},
        )
        listing = console.get("/console/handoffs").text
    # Nobody else on this stack enrols with a Nahran code, and REST carries no nationality.
    rows = [row for row in listing.split("<tr")[1:] if 'dir="auto">nhr</bdi>' in row]
    assert len(rows) == 1, listing
