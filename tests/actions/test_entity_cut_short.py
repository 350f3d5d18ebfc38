"""An entity cut short (issue 20, by kind): in "welcome reception dinner" the model marked
"welcome reception", which in "name" mode finds only the reception briefing (its title says
reception, its text welcome) and the other events sharing a word; the welcome dinner, whose whole
title the message says, was never among the items the whole message chose from. An item whose
whole name the message says and which the span names in part can be meant too."""

from __future__ import annotations

import json

from actions.answer_search import ActionAnswerEvent
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = json.loads(json.dumps(read_pack(SAMPLE_PACK), default=lambda value: value.isoformat()))
DINNER, BRIEFING = ("event", "welcome-dinner"), ("event", "reception-briefing")
RANGE = ("event", "combined-range-day")


def asked(text: str, span: str) -> list[str]:
    fake = FakeLookup(SAMPLE)
    fake.name_hits = [BRIEFING, RANGE]  # what the span names, every word counting
    fake.search_hits = [DINNER, BRIEFING, RANGE]  # what the whole message names, best first
    fake.search_figures = {DINNER: (1.35, 0.67), BRIEFING: (0.81, 0.61), RANGE: (0.3, 0.61)}
    start = text.lower().index(span.lower())
    dispatcher = run(
        ActionAnswerEvent,
        fake.handle,
        intent="ask_event_info",
        language="en",
        text=text,
        entities=[{"entity": "event", "value": span, "start": start, "end": start + len(span)}],
    )
    return [m.get("title") or "" for m in dispatcher.messages if m.get("title")]


def test_the_event_whose_whole_name_is_said_is_among_those_meant() -> None:
    assert asked("welcome reception dinner - when and where?", "welcome reception") == [
        "Welcome dinner"
    ]


def test_an_event_whose_name_is_not_said_whole_is_not_added() -> None:
    # "dinner" alone does not say the welcome dinner's whole title: the span's items decide.
    assert asked("the reception before dinner, when is it", "the reception") == [
        "Reception and safety briefing"
    ]
