"""Packs for tests: the shipped sample, and a different one built here, so no test depends on
the sample's facts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PACK = ROOT / "data" / "packs" / "sample-exercise.yml"


def read_pack(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def topic_text(pack: dict[str, Any], topic: str, lang: str) -> list[str]:
    """What the pack says on a topic in a language, in pack order."""
    return [item["text"][lang] for item in pack["topics"] if item["topic"] == topic]


def other_pack() -> dict[str, Any]:
    """A second exercise with other facts, ids, dates and a different language order."""
    updated = "2027-05-02T08:15:00+02:00"

    def item(item_id: str, topic: str, en: str, fr: str, ar: str) -> dict[str, Any]:
        return {
            "id": item_id,
            "topic": topic,
            "last_updated": updated,
            "updated_by": "Lt. A. Test",
            "title": {"en": topic, "fr": topic, "ar": topic},
            "text": {"en": en, "fr": fr, "ar": ar},
        }

    return {
        "format_version": 1,
        "exercise": {
            "id": "test-oasis-99",
            "name": {
                "fr": "Exercice OASIS TEST",
                "en": "Exercise OASIS TEST",
                "ar": "تمرين واحة الاختبار",
            },
            "languages": ["fr", "en", "ar"],
            "start_date": "2027-06-01",
            "end_date": "2027-06-03",
            "time_zone": "Africa/Casablanca",
        },
        "topics": [
            item(
                "mess-tent",
                "meals",
                "Mess tent B serves food 06:10-06:50.",
                "La tente B sert les repas de 06h10 à 06h50.",
                "الخيمة ب تقدم الطعام من 06:10 إلى 06:50.",
            ),
            item(
                "field-kitchen",
                "meals",
                "The field kitchen opens at 19:05.",
                "La cuisine de campagne ouvre à 19h05.",
                "يفتح المطبخ الميداني الساعة 19:05.",
            ),
            item(
                "medic",
                "emergency_contacts",
                "Call medic line 7777.",
                "Appelez la ligne médicale 7777.",
                "اتصل بالخط الطبي 7777.",
            ),
            item(
                "prayer-tent",
                "prayer_facilities",
                "Prayer tent C, next to the well.",
                "Tente de prière C, à côté du puits.",
                "خيمة الصلاة ج بجانب البئر.",
            ),
        ],
    }


def write_pack(path: Path, pack: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
