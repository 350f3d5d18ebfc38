"""The pieces under the briefings: labels complete in every language, right-to-left isolation of
Latin fragments, and the pack format's optional briefing sections (validated, published)."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from lookup.briefing.errors import LanguageNotAvailable
from lookup.briefing.formatting import Formatter, isolate
from lookup.briefing.labels import LABELS, labels_for
from lookup.packs.loader import PackError, load_pack
from lookup.packs.schema import Pack
from tests.briefing.conftest import briefing_pack
from tests.packs import SAMPLE_PACK, other_pack, read_pack, write_pack


def _fields(text: object) -> set[str]:
    if not isinstance(text, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_exercise_language_has_every_label_with_the_same_placeholders() -> None:
    english = labels_for("en")
    for lang in read_pack(SAMPLE_PACK)["exercise"]["languages"]:
        labels = labels_for(lang)
        assert labels.keys() == english.keys() == LABELS.keys(), lang
        for key, text in labels.items():
            assert _fields(text) == _fields(english[key]), (lang, key)
        assert len(labels["letters"]) == 5, lang
    assert labels_for("fr")["check"] == "Vérifier mes réponses"
    assert labels_for("ar")["letters"][:2] == ["أ", "ب"]
    with pytest.raises(LanguageNotAvailable):
        labels_for("de")  # no catalog: a briefing is not printed in another language


def test_latin_fragments_are_isolated_in_right_to_left_text() -> None:
    text = "رتبة ضابط (OF-3) من 05:30–07:30 على ‎+000 555 0199‎ أو «mon capitaine»."
    html = str(isolate(text))
    for fragment in ("OF-3", "05:30–07:30", "+000 555 0199", "mon capitaine"):
        assert f'<bdi dir="ltr">{fragment}</bdi>' in html
    assert '<bdi dir="ltr">a & b</bdi>' not in str(isolate("x <a & b>"))  # escaped
    assert "&lt;" in str(isolate("<script>"))
    assert Formatter("ar").dir == "rtl" and Formatter("fr").dir == "ltr"
    assert str(Formatter("en").prose("OF-3")) == "OF-3"  # left-to-right pages need nothing


def test_the_optional_sections_are_validated(tmp_path: Path) -> None:
    pack = briefing_pack()
    pack["forms_of_address"][0]["nation"] = "nowhere"
    pack["exercise"]["ramadan"] = {"start_date": "2027-03-10", "end_date": "2027-02-09"}
    pack["guidelines"][0]["advice"] = "maybe"
    with pytest.raises(PackError) as error:
        load_pack(write_pack(tmp_path / "bad.yml", pack))
    assert "guidelines[0] (id rule-0): advice" in str(error.value)
    del pack["guidelines"][0]["advice"]
    pack["guidelines"][0]["advice"] = "do"
    with pytest.raises(PackError) as error:
        load_pack(write_pack(tmp_path / "bad.yml", pack))
    problems = str(error.value)
    assert "forms_of_address[0] (id hst-officers): nation: not a nation of the exercise" in problems
    assert "exercise: ramadan.end_date: ends before it starts" in problems


def test_older_packs_still_load_and_the_schema_is_published(tmp_path: Path) -> None:
    plain = other_pack()  # no phrases, guidelines, forms of address or Ramadan dates
    assert load_pack(write_pack(tmp_path / "plain.yml", plain)).pack.phrases == []
    assert load_pack(SAMPLE_PACK, strict=True).pack.guidelines
    properties = Pack.model_json_schema()["properties"]
    assert {"phrases", "guidelines", "forms_of_address"} <= properties.keys()
