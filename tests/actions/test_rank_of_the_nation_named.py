"""Issue 20, by kind: a title two nations give to different grades (Valmère's "Major" is a senior
NCO, OR-9; Northmark's is an officer, OF-3) was answered with both grades at the same score
even when the question names the nation. Now the nation named, else the visitor's own, picks the
grade whose title in that nation is the one asked; with neither, both grades, each with every
nation's titles. The search is scripted to find both grades equally."""

from __future__ import annotations

import json

import pytest

from actions.answer_search import ActionAnswerRank
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import SAMPLE_PACK, read_pack

SAMPLE = json.loads(json.dumps(read_pack(SAMPLE_PACK), default=lambda value: value.isoformat()))
VISITOR = ("rest", "visitor-fr")


def codes(text: str, lang: str, nation: str | None = None) -> list[str]:
    fake = FakeLookup(SAMPLE)
    if nation is not None:
        fake.enrolled[VISITOR] = nation
    fake.search_hits = [("rank", "of-3"), ("rank", "or-9")]
    dispatcher = run(ActionAnswerRank, fake.handle, language=lang, intent="ask_rank", text=text)
    return [m["code"] for m in dispatcher.messages if m.get("response") == "utter_rank_equivalence"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "لو واحد ماجور من فالمير، شو رتبته عند الناتو"),
        ("fr", "un major de l'armée de Valmère, c'est officier ou sous-officier ?"),
    ],
)
def test_the_nation_named_picks_its_grade(lang: str, text: str) -> None:
    assert codes(text, lang, nation="nmk") == ["OR-9"]


def test_the_visitors_own_nation_when_none_is_named() -> None:
    assert codes("what grade is a major", "en", nation="nmk") == ["OF-3"]


def test_both_grades_when_no_nation_tells_them_apart() -> None:
    assert codes("what grade is a major", "en") == ["OF-3", "OR-9"]
    # Valmère's titles in English are "Major" for both: both, each with every nation's titles
    assert codes("what is a Valmère major", "en") == ["OF-3", "OR-9"]
    # Northmark's OR-9 in French says "(équivalent de major)", a note, not its title: a
    # Northmark major asked in French may be its officer, so both
    assert codes("que vaut un Major de Northmark chez vous ?", "fr", nation="nmk") == [
        "OF-3",
        "OR-9",
    ]
    assert codes("والمیر کی فوج میں میجر کا درجہ کیا ہے", "ur", nation="nmk") == ["OF-3", "OR-9"]
