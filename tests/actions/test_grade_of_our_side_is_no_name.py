"""Issue 20, by kind: a grade's title followed by a word saying whose side it is on ("النقيب
عندنا", the captain at ours) was read as a person's name the exercise lacks, and a question
comparing grades got "I have no contact for ..."; Arabic's "أي" (which) also counted as asking
how to reach someone (Urdu's "ای میل"). Own wording; the second test exercise's OF-2 (Captain,
نقيب, كابتن)."""

from __future__ import annotations

import pytest

from actions.answer_directory import asks_to_reach
from actions.answer_search import ActionAnswerRank
from tests.actions.answering import run
from tests.actions.fake_lookup import FakeLookup
from tests.packs import other_pack


@pytest.mark.parametrize(
    ("lang", "text", "unmatched"),
    [
        ("ar", "هل الكابتن عندهم مثل النقيب عندنا؟ وأي رقم بالناتو", ["عندنا", "عندهم"]),
        ("ar", "النقيب لدينا يعادل أي رتبة عندكم؟ رقم الناتو", ["لدينا", "عندكم"]),
        ("en", "is their Captain the same as a Captain ours? what number in NATO", ["ours"]),
        ("fr", "le capitaine chez nous, c'est quel numéro OTAN chez vous ?", ["chez", "nous"]),
        ("ur", "kya captain hamare wala ke barabar hai, nato number kya hai", ["hamare"]),
    ],
)
def test_a_grade_of_our_side_is_a_grade_not_a_person(
    lang: str, text: str, unmatched: list[str]
) -> None:
    fake = FakeLookup(other_pack())
    fake.search_hits = [("rank", "of-2")]
    fake.search_figures = {("rank", "of-2"): (2.0, 1.0)}
    fake.search_unmatched = unmatched
    dispatcher = run(ActionAnswerRank, fake.handle, language=lang, text=text)
    responses = [m.get("response") for m in dispatcher.messages]
    # The grade's titles (Urdu: the offer of the pack's languages, it has no Urdu text).
    assert responses[0] in {"utter_rank_equivalence", "utter_not_translated_offer"} or (
        "OF-2" in str(dispatcher.messages[0])
    ), dispatcher.messages
    assert not any(word in str(dispatcher.messages) for word in unmatched), dispatcher.messages


def test_which_in_arabic_asks_to_reach_no_one() -> None:
    assert not asks_to_reach("أي مستوى بالناتو؟")
    assert asks_to_reach("ای میل کیا ہے")
    assert asks_to_reach("ما رقم هاتف النقيب")
