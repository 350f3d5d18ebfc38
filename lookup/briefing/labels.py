"""Every word a briefing, card or quiz prints that does not come from the exercise's knowledge:
each key's English msgid here, its translations in the gettext catalogs of `common.i18n` (domain
"briefing", common/locale/<lang>/LC_MESSAGES/briefing.po). Adding a language means adding its
catalog (`make i18n-extract`, then translate; tests/test_catalogs.py checks it is complete) —
dates, lists, language names and plurals come from CLDR (Babel).

Placeholders in braces are filled with str.format; names from the knowledge are quoted with the
language's own quotation marks here, never in the data.
"""

from __future__ import annotations

from typing import Any

from common.i18n import N_, available_languages, translator
from lookup.briefing.errors import LanguageNotAvailable

DOMAIN = "briefing"

LABELS: dict[str, str] = {
    "briefing": N_("Cultural briefing"),
    "card": N_("Smart card"),
    "quiz": N_("Quiz"),
    "quiz_sheet": N_("Quiz — printable sheet"),
    "prepared_for": N_("Prepared for"),
    "language": N_("Language"),
    "generated": N_("Generated"),
    "knowledge_as_of": N_("Knowledge as of"),
    "source": N_("Source"),
    "source_text": N_(
        "generated from the exercise's live knowledge ({exercise_id}); report corrections to "
        "the liaison team"
    ),
    "missing_title": N_("Missing translations"),
    "missing_intro": N_(
        "These texts have no {language} version yet. They are marked “{marker}” where they "
        "would appear and are not replaced by another language:"
    ),
    "missing_none": N_("Every text of this briefing is available in {language}."),
    "missing_marker": N_("not yet translated"),
    "contents": N_("Contents"),
    "updated": N_("Facts last updated {when}"),
    "nothing_yet": N_("Nothing on this yet; ask the liaison team."),
    "utc": N_("UTC"),
    "page": N_("Page"),
    # sections
    "glance": N_("The exercise at a glance"),
    "logistics": N_("Reporting and logistics"),
    "protocol": N_("Protocol"),
    "etiquette": N_("Cultural etiquette"),
    "phrases": N_("Key phrases"),
    "contacts": N_("Contacts"),
    # at a glance
    "dates": N_("Dates"),
    "date_range": N_("{start} to {end} ({days})"),
    "time_zone": N_("Time zone"),
    "host": N_("Host nation"),
    "partners": N_("Partner nations"),
    "phases": N_("Phases"),
    "places": N_("Places"),
    "schedule": N_("Schedule highlights"),
    "col_date": N_("Date"),
    "col_time": N_("Time"),
    "col_event": N_("Event"),
    "col_place": N_("Place"),
    "col_dress": N_("Dress"),
    "col_purpose": N_("What it is for"),
    "col_hours": N_("Opening hours"),
    "ramadan_hours": N_("In Ramadan: {hours}"),
    "closed": N_("closed"),
    # protocol
    "ranks": N_("Rank equivalence"),
    "ranks_intro": N_(
        "NATO STANAG 2116 codes (OF officers, OR other ranks) compare grades across armies: "
        "compare the codes, not the names."
    ),
    "col_code": N_("NATO code"),
    "forms_of_address": N_("Forms of address"),
    "col_addressee": N_("Addressing"),
    "col_form": N_("Say"),
    "ceremonies": N_("Ceremonies"),
    "flag_order": N_("Flag order"),
    "flag_order_intro": N_("From first to last:"),
    "dress": N_("Dress"),
    "dress_codes": N_("Dress codes"),
    "dress_by_event": N_("Dress for each event"),
    # etiquette
    "greetings": N_("Greetings"),
    "prayer": N_("Prayer times and Friday"),
    "fridays": N_(
        "Fridays during the exercise: {dates}. Friday is the day of the weekly "
        "congregational prayer, held around midday."
    ),
    "no_fridays": N_("The exercise has no Friday."),
    "prayer_table": N_("Prayer times at the camp, local time"),
    "fajr": N_("Fajr"),
    "sunrise": N_("Sunrise"),
    "dhuhr": N_("Dhuhr"),
    "asr": N_("Asr"),
    "maghrib": N_("Maghrib"),
    "isha": N_("Isha"),
    "friday_prayer": N_("Friday prayer {time}"),
    "friday_at_dhuhr": N_("Friday prayer at dhuhr time (to be confirmed at the mosque)"),
    "prayer_calculated": N_(
        "Calculated for the camp's position; the mosque's own timetable may differ by a minute "
        "or two."
    ),
    "ramadan": N_("Ramadan"),
    "ramadan_overlap": N_(
        "The exercise overlaps Ramadan {year}from {start} to {end}: what follows applies."
    ),
    "ramadan_clear": N_(
        "The exercise does not overlap Ramadan: Ramadan {year}is expected from {start} to {end}."
    ),
    "hijri_year": N_("{year} AH "),
    "ramadan_computed": N_(
        "Source: the Umm al-Qura calendar, computed. Ramadan begins with the sighting of the "
        "new moon, so it may start a day earlier or later; the liaison team confirms the dates."
    ),
    "ramadan_announced": N_("Source: dates announced locally ({source})."),
    "ramadan_announced_plain": N_("Source: dates announced locally, as given by the liaison team."),
    "ramadan_unknown": N_(
        "Ramadan dates could not be worked out for these dates; ask the liaison team."
    ),
    "ramadan_no_advice": N_("Ask the liaison team how Ramadan affects the exercise."),
    "hospitality": N_("Hospitality"),
    "gifts": N_("Gifts"),
    "photography": N_("Photography"),
    "gender_interaction": N_("Men and women"),
    "dining_manners": N_("At the table"),
    "dos_and_donts": N_("Dos and don'ts"),
    "do": N_("Do"),
    "dont": N_("Don't"),
    "col_why": N_("Why"),
    # phrases
    "col_phrase": N_("Phrase"),
    "col_transliteration": N_("Say it"),
    "col_meaning": N_("Meaning"),
    "col_note": N_("Note"),
    # contacts
    "emergency": N_("In an emergency"),
    "col_name": N_("Name"),
    "col_reach": N_("Phone, e-mail, radio"),
    "col_speaks": N_("Speaks"),
    # card
    "card_more": N_("More, with the reasons: the full briefing. Questions: the liaison team."),
    "emergency_contacts": N_("Emergency contacts"),
    # quiz
    "quiz_instructions": N_("Choose one answer for each question. Pass mark: {pass_mark} %."),
    "check": N_("Check my answers"),
    "retry": N_("Try again"),
    "result": N_("{correct} of {total} correct ({percent} %)."),
    "passed": N_("Passed: the pass mark is {pass_mark} %."),
    "failed": N_(
        "Not yet passed: the pass mark is {pass_mark} %. Read the briefing again and retry."
    ),
    "unanswered": N_("Not answered."),
    "right": N_("Correct."),
    "wrong": N_("The answer is {letter}."),
    "name_line": N_("Name"),
    "unit_line": N_("Unit"),
    "date_line": N_("Date"),
    "score_line": N_("Score: ____ of {total} — pass mark {pass_mark} % ({needed} correct answers)"),
    "answer_key": N_("Answer key — for the trainer"),
    "col_question": N_("Question"),
    "col_answer": N_("Answer"),
    "col_section": N_("Where in the briefing"),
    # TRANSLATORS: the letters that number a quiz question's answers, separated by spaces.
    "letters": N_("a b c d e"),
    "q_rank_code": N_("What is the NATO code of the rank “{title}” ({nation})?"),
    "q_rank_equivalent": N_("Rank “{title}” ({audience}): what is the equivalent rank ({host})?"),
    "q_event_dress": N_("What is the dress for “{event}”?"),
    "q_event_place": N_("Where does “{event}” take place?"),
    "q_event_day": N_("On which day is “{event}”?"),
    "q_flag_first": N_("Whose flag comes first in the exercise's flag order?"),
    "q_avoid": N_("Which of these should you avoid?"),
    "q_do": N_("Which of these is recommended?"),
    "q_reason_do": N_("Why is this recommended: “{text}”?"),
    "q_reason_dont": N_("Why should you avoid this: “{text}”?"),
    "q_phrase": N_("What does “{transliteration}” ({phrase}) mean?"),
}


def labels_for(lang: str) -> dict[str, Any]:
    """Every label in `lang` (answer letters as a list), for the templates and the quiz."""
    if lang not in available_languages(DOMAIN):
        raise LanguageNotAvailable(
            f"briefings have no texts in '{lang}' yet: add common/locale/{lang}/LC_MESSAGES/"
            f"{DOMAIN}.po (`make i18n-extract`; languages with texts: "
            f"{', '.join(available_languages(DOMAIN))})"
        )
    catalog = translator(lang, DOMAIN)
    labels: dict[str, Any] = {key: catalog.gettext(msgid) for key, msgid in LABELS.items()}
    labels["letters"] = labels["letters"].split()
    return labels
