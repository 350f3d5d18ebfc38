"""The contacts tests' shared set-up: the sample exercise as the fake lookup service serves it,
its contacts by id, and ActionAnswerContacts run on a question, the visitor enrolled with a
nation or not, the search finding only the hits it is given."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.answer_directory import ActionAnswerContacts
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = json.loads(json.dumps(read_pack(SAMPLE_PACK), default=lambda value: value.isoformat()))
CONTACTS = {contact["id"]: contact for contact in SAMPLE["contacts"]}
VISITOR = ("rest", "visitor-fr")  # the tracker fixture's sender, on no channel in particular


def fake_for(nation: str | None = None, hits: Sequence[tuple[str, str]] = ()) -> FakeLookup:
    """The sample exercise, the visitor enrolled with `nation` (None: not enrolled), the search
    finding `hits` (none: it is sure of no one)."""
    fake = FakeLookup(SAMPLE)
    if nation is not None:
        fake.enrolled[VISITOR] = nation
    fake.search_hits = list(hits)
    return fake


def answer(text: str, lang: str, nation: str | None = None) -> CollectingDispatcher:
    """ActionAnswerContacts on `text`, the search finding no one."""
    return run(
        ActionAnswerContacts,
        fake_for(nation).handle,
        language=lang,
        intent="ask_contacts",
        text=text,
    )


def names(dispatcher: Any) -> list[str]:
    return [m["name"] for m in dispatcher.messages if m.get("response") == "utter_contact"]


def texts(dispatcher: Any) -> list[str]:
    return [str(m.get("text")) for m in dispatcher.messages if m.get("text")]
