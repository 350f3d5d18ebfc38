"""The answer evaluation's scoring rule (tools/answers/scoring.py): a reply is correct when it
carries every expected fact, whatever the typography of times and letters."""

from __future__ import annotations

from typing import Any

from tools.answers.scoring import has_fact, missing_facts, normalize, tally


def test_times_are_read_alike_whatever_their_typography() -> None:
    assert normalize("à 8h00 puis 08 h 30") == "a 08:00 puis 08:30"
    assert has_fact("Dîner : 19h30–22h00", "19:30")
    assert has_fact("العشاء الساعة ١٩:٣٠", "19:30")  # Eastern Arabic digits


def test_letters_are_compared_folded() -> None:
    assert has_fact("Cérémonie d'ouverture", "ceremonie d'ouverture")
    assert has_fact("قاعة الإجتماعات", "قاعه الاجتماعات")


def test_every_fact_must_appear_and_any_alternative_will_do() -> None:
    replies = ["Opening ceremony: Wednesday 20 January 08:00–09:30."]
    assert missing_facts(replies, ["08:00", ["20 january", "january 20"]]) == []
    assert missing_facts(replies, ["15:45", "20 January"]) == ["15:45"]
    assert missing_facts([], ["08:00"]) == ["08:00"]


def test_a_time_is_not_found_inside_a_longer_number() -> None:
    assert not has_fact("call 555 0800", "08:00")


def test_tally_counts_correct_answers_per_language() -> None:
    results = [
        {"lang": "en", "missing": []},
        {"lang": "en", "missing": ["08:00"]},
        {"lang": "ar", "missing": []},
    ]
    assert tally(results) == {
        "ar": {"correct": 1, "total": 1, "accuracy": 1.0, "notices": 0, "after_press": 0},
        "en": {"correct": 1, "total": 2, "accuracy": 0.5, "notices": 0, "after_press": 0},
    }


def test_tally_counts_apart_the_misses_that_offered_another_language() -> None:
    offer = ['/switch_language{"requested_language": "en"}']
    results = [
        {"lang": "ur", "missing": ["07:00"], "offered": offer},
        {"lang": "ur", "missing": ["7777"], "offered": []},
        {"lang": "ur", "missing": [], "offered": offer},  # answered: not a notice
    ]
    assert tally(results)["ur"] == {
        "correct": 1,
        "total": 3,
        "accuracy": 0.333,
        "notices": 1,
        "after_press": 0,
    }


def test_a_notice_whose_answer_after_the_press_has_the_facts_counts_after_press_only() -> None:
    offer = ['/switch_language{"requested_language": "en"}']
    right = {"payload": offer[0], "replies": ["07:00"], "missing": []}
    wrong = {"payload": offer[0], "replies": ["08:00"], "missing": ["07:00"]}
    results: list[dict[str, Any]] = [
        {"lang": "ur", "missing": ["07:00"], "offered": offer, "pressed": right},
        {"lang": "ur", "missing": ["07:00"], "offered": offer, "pressed": wrong},
        {"lang": "ur", "missing": ["7777"], "offered": [], "pressed": None},
    ]
    row = tally(results)["ur"]
    assert (row["correct"], row["notices"], row["after_press"]) == (0, 2, 1)
