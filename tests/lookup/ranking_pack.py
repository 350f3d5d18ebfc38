"""The exercise the search tests rank on: the second test pack with events whose names contain
one another (an opening ceremony and its rehearsal), two dinners, and rank titles that share
words ("équivalent"), in Arabic, English and French. Not the sample, not the held-out answer
questions."""

from __future__ import annotations

import copy
from typing import Any

from tests.packs import other_pack


def tr(en: str, fr: str, ar: str) -> dict[str, str]:
    return {"en": en, "fr": fr, "ar": ar}


def event(
    item_id: str, title: dict[str, str], start: str, kind: str = "ceremony"
) -> dict[str, Any]:
    """An event of that kind (searched too: "the ceremony" finds the ceremonies alone)."""
    base = copy.deepcopy(other_pack()["events"][0])
    base.update(id=item_id, title=title, start=f"2027-06-0{start}:00+01:00", kind=kind)
    base["end"] = base["start"].replace(":00+01:00", ":30+01:00")
    return base


def ranking_pack() -> dict[str, Any]:
    pack = other_pack()
    pack["events"] += [
        event(
            "ceremony-rehearsal",
            tr(
                "Opening ceremony rehearsal",
                "Répétition de la cérémonie d'ouverture",
                "التدريب على مراسم الافتتاح",
            ),
            "1T15:45",
        ),
        event(
            "opening-ceremony",
            tr("Opening ceremony", "Cérémonie d'ouverture", "مراسم الافتتاح"),
            "2T08:00",
        ),
        event(
            "final-exercise",
            tr("Final exercise", "Exercice final", "التمرين الختامي"),
            "3T06:30",
            "training",
        ),
        event(
            "welcome-dinner",
            tr("Welcome dinner", "Dîner de bienvenue", "عشاء الترحيب"),
            "1T19:30",
            "social",
        ),
        event(
            "farewell-dinner",
            tr("Farewell dinner", "Dîner d'adieu", "عشاء الوداع"),
            "3T19:30",
            "social",
        ),
    ]
    ranks = pack["ranks"]
    ranks[0]["titles"]["gst"].append(tr("Staff Captain", "Capitaine (équivalent d'OF-2)", "كابتن"))
    for code, en, fr, ar in [
        ("of-3", "Major", "Commandant", "رائد"),
        (
            "or-9",
            "Warrant Officer Class 1",
            "Warrant Officer Class 1 (équivalent de major)",
            "وكيل",
        ),
        (
            "or-8",
            "Warrant Officer Class 2",
            "Warrant Officer Class 2 (équivalent d'adjudant)",
            "وكيل",
        ),
    ]:
        rank = copy.deepcopy(ranks[0])
        rank.update(id=code, code=code.upper())
        rank["titles"] = {"hst": [tr(en, fr, ar)], "gst": [tr(en, fr, ar)]}
        ranks.append(rank)
    return pack
