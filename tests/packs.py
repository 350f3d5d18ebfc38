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
    """A second exercise with other facts, ids, dates, nations and language order."""
    updated = "2026-05-02T08:15:00+02:00"
    stamp = {"last_updated": updated, "updated_by": "Lt. A. Test"}

    def tr(en: str, fr: str, ar: str) -> dict[str, str]:
        return {"en": en, "fr": fr, "ar": ar}

    def topic(item_id: str, name: str, en: str, fr: str, ar: str) -> dict[str, Any]:
        return {
            "id": item_id,
            "topic": name,
            **stamp,
            "title": tr(name, name, name),
            "text": tr(en, fr, ar),
        }

    return {
        "format_version": 1,
        "exercise": {
            "id": "test-oasis-99",
            **stamp,
            "name": tr("Exercise OASIS TEST", "Exercice OASIS TEST", "تمرين واحة الاختبار"),
            "summary": tr("A test exercise.", "Un exercice de test.", "تمرين اختبار."),
            "languages": ["fr", "en", "ar"],
            "start_date": "2027-06-01",
            "end_date": "2027-06-03",
            "time_zone": "Africa/Casablanca",
            "nations": [
                {"code": "hst", "role": "host", "name": tr("Hostland", "Hôtelie", "هوستلاند")},
                {"code": "gst", "role": "partner", "name": tr("Guestland", "Invitie", "غستلاند")},
            ],
            "flag_order": ["hst", "gst"],
            "phases": [],
        },
        "topics": [
            topic(
                "mess-tent",
                "meals",
                "Mess tent B serves food 06:10-06:50.",
                "La tente B sert les repas de 06h10 à 06h50.",
                "الخيمة ب تقدم الطعام من 06:10 إلى 06:50.",
            ),
            topic(
                "field-kitchen",
                "meals",
                "The field kitchen opens at 19:05.",
                "La cuisine de campagne ouvre à 19h05.",
                "يفتح المطبخ الميداني الساعة 19:05.",
            ),
            topic(
                "medic",
                "emergency_contacts",
                "Call medic line 7777.",
                "Appelez la ligne médicale 7777.",
                "اتصل بالخط الطبي 7777.",
            ),
            topic(
                "prayer-tent",
                "prayer_facilities",
                "Prayer tent C, next to the well.",
                "Tente de prière C, à côté du puits.",
                "خيمة الصلاة ج بجانب البئر.",
            ),
        ],
        "venues": [
            {
                "id": "well-square",
                **stamp,
                "name": tr("Well Square", "Place du Puits", "ساحة البئر"),
                "purpose": tr("Parades", "Défilés", "الاستعراضات"),
                "directions": tr(
                    "Behind the water tower.", "Derrière le château d'eau.", "خلف برج المياه."
                ),
                "hours": {
                    "weekly": {
                        d: "06:00-20:00" for d in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                    }
                },
            },
        ],
        "dress_codes": [
            {
                "id": "boots",
                **stamp,
                "name": tr("Field boots", "Rangers", "الحذاء الميداني"),
                "description": tr(
                    "Field uniform and boots.", "Treillis et rangers.", "الزي الميداني والحذاء."
                ),
            },
        ],
        "events": [
            {
                "id": "raising",
                **stamp,
                "kind": "ceremony",
                "title": tr("Flag raising", "Lever des couleurs", "رفع العلم"),
                "description": tr("All contingents.", "Tous les contingents.", "جميع الوحدات."),
                "venue": "well-square",
                "start": "2027-06-02T07:00:00+01:00",
                "end": "2027-06-02T07:30:00+01:00",
                "dress": "boots",
            },
        ],
        "ranks": [
            {
                "id": "of-2",
                **stamp,
                "code": "OF-2",
                "titles": {
                    "hst": [tr("Captain", "Capitaine", "نقيب")],
                    "gst": [tr("Captain", "Capitaine", "كابتن")],
                },
            },
        ],
        "contacts": [
            {
                "id": "desk",
                **stamp,
                "name": tr("Liaison desk", "Bureau de liaison", "مكتب الارتباط"),
                "role": tr("Duty desk", "Permanence", "المناوبة"),
                "languages": ["fr", "ar"],
                "phone": "+000 555 7000",
            },
        ],
    }


def write_pack(path: Path, pack: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def ramadan_pack() -> dict[str, Any]:
    """The second exercise moved into Ramadan 1448 (Asia/Dubai, 14-18 February 2027), with a camp
    store whose Ramadan hours differ from its weekly ones."""
    pack = other_pack()
    exercise = pack["exercise"]
    exercise.update(
        time_zone="Asia/Dubai",
        start_date="2027-02-14",
        end_date="2027-02-18",
        ramadan={"start_date": "2027-02-08", "end_date": "2027-03-09"},
    )
    pack["events"][0].update(start="2027-02-15T07:00:00+04:00", end="2027-02-15T07:30:00+04:00")
    week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    pack["venues"].append(
        {
            "id": "camp-store",
            "last_updated": "2026-05-02T08:15:00+02:00",
            "updated_by": "Lt. A. Test",
            "name": {"en": "Camp store", "fr": "Magasin du camp", "ar": "متجر المعسكر"},
            "purpose": {"en": "Shop", "fr": "Boutique", "ar": "متجر"},
            "directions": {"en": "By the gate.", "fr": "Près de l'entrée.", "ar": "قرب البوابة."},
            "hours": {
                "weekly": {day: "08:00-21:40" for day in week},
                "ramadan": {day: "20:15-01:45+1" for day in week},
            },
        }
    )
    return pack
