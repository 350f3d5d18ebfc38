"""tools.bench.fresh: the fresh load's questions are many, distinct, made from the pack's names
in each language, split into disjoint loads, and the custom-action intents come from the rules."""

from __future__ import annotations

import yaml

from tools.bench import fresh


def test_thousands_of_distinct_questions_per_language_naming_pack_items() -> None:
    made = fresh.generate(("ar", "en", "fr", "ur"))
    pack = yaml.safe_load(fresh.PACK.read_text(encoding="utf-8"))
    for lang, questions in made.items():
        texts = [x.text for x in questions]
        assert len(texts) >= 5000 and len(set(texts)) == len(texts), lang
        assert {x.lang for x in questions} == {lang}
        names = {form for forms in fresh.pack_names(pack, lang).values() for form in forms}
        assert all(any(name in text for name in names) for text in texts[:300]), lang
    assert fresh.generate()["en"] == fresh.generate()["en"]  # the same order for the same seed


def test_name_forms() -> None:
    assert fresh.name_forms("Medical Centre (Building 3)") == [
        "Medical Centre (Building 3)",
        "Medical Centre",
        "medical centre",
    ]


def test_slices_are_disjoint_and_share_the_languages() -> None:
    made = fresh.generate()
    parts = fresh.slices(made, 4)
    seen: set[tuple[str, str]] = set()
    for part in parts:
        keys = {(x.lang, x.text) for x in part}
        assert not keys & seen
        seen |= keys
        for lang, questions in made.items():
            assert sum(x.lang == lang for x in part) == len(questions) // 4 > 500


def test_custom_action_intents_follow_the_rules() -> None:
    intents = fresh.custom_action_intents()
    assert {"ask_meal_times", "ask_venue_info", "nlu_fallback", "out_of_scope"} <= intents
    assert not {"greet", "goodbye", "thanks", "bot_challenge"} & intents
