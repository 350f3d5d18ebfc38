"""Every word a briefing, card or quiz prints that does not come from the exercise's knowledge,
per language. Adding a language means adding its dictionary here (same keys as English; a test
checks) — dates, lists, language names and plurals come from CLDR (Babel).

Placeholders in braces are filled with str.format; names from the knowledge are quoted with the
language's own quotation marks here, never in the data.
"""

from __future__ import annotations

from typing import Any

from lookup.briefing.errors import LanguageNotAvailable

LABELS: dict[str, dict[str, Any]] = {
    "en": {
        "briefing": "Cultural briefing",
        "card": "Smart card",
        "quiz": "Quiz",
        "quiz_sheet": "Quiz — printable sheet",
        "prepared_for": "Prepared for",
        "language": "Language",
        "generated": "Generated",
        "knowledge_as_of": "Knowledge as of",
        "source": "Source",
        "source_text": (
            "generated from the exercise's live knowledge ({exercise_id}); "
            "report corrections to the liaison team"
        ),
        "missing_title": "Missing translations",
        "missing_intro": (
            "These texts have no {language} version yet. They are marked “{marker}” where they "
            "would appear and are not replaced by another language:"
        ),
        "missing_none": "Every text of this briefing is available in {language}.",
        "missing_marker": "not yet translated",
        "contents": "Contents",
        "updated": "Facts last updated {when}",
        "nothing_yet": "Nothing on this yet; ask the liaison team.",
        "utc": "UTC",
        "page": "Page",
        # sections
        "glance": "The exercise at a glance",
        "logistics": "Reporting and logistics",
        "protocol": "Protocol",
        "etiquette": "Cultural etiquette",
        "phrases": "Key phrases",
        "contacts": "Contacts",
        # at a glance
        "dates": "Dates",
        "date_range": "{start} to {end} ({days})",
        "time_zone": "Time zone",
        "host": "Host nation",
        "partners": "Partner nations",
        "phases": "Phases",
        "places": "Places",
        "schedule": "Schedule highlights",
        "col_date": "Date",
        "col_time": "Time",
        "col_event": "Event",
        "col_place": "Place",
        "col_dress": "Dress",
        "col_purpose": "What it is for",
        "col_hours": "Opening hours",
        "ramadan_hours": "In Ramadan: {hours}",
        "closed": "closed",
        # protocol
        "ranks": "Rank equivalence",
        "ranks_intro": (
            "NATO STANAG 2116 codes (OF officers, OR other ranks) compare grades across armies: "
            "compare the codes, not the names."
        ),
        "col_code": "NATO code",
        "forms_of_address": "Forms of address",
        "col_addressee": "Addressing",
        "col_form": "Say",
        "ceremonies": "Ceremonies",
        "flag_order": "Flag order",
        "flag_order_intro": "From first to last:",
        "dress": "Dress",
        "dress_codes": "Dress codes",
        "dress_by_event": "Dress for each event",
        # etiquette
        "greetings": "Greetings",
        "prayer": "Prayer times and Friday",
        "fridays": (
            "Fridays during the exercise: {dates}. Friday is the day of the weekly congregational "
            "prayer, held around midday."
        ),
        "no_fridays": "The exercise has no Friday.",
        "ramadan": "Ramadan",
        "ramadan_overlap": (
            "The exercise overlaps Ramadan {year}from {start} to {end}: what follows applies."
        ),
        "ramadan_clear": (
            "The exercise does not overlap Ramadan: Ramadan {year}is expected from {start} to "
            "{end}."
        ),
        "hijri_year": "{year} AH ",
        "ramadan_computed": (
            "Source: the Umm al-Qura calendar, computed. Ramadan begins with the sighting of the "
            "new moon, so it may start a day earlier or later; the liaison team confirms the dates."
        ),
        "ramadan_announced": "Source: dates announced locally ({source}).",
        "ramadan_announced_plain": "Source: dates announced locally, as given by the liaison team.",
        "ramadan_unknown": (
            "Ramadan dates could not be worked out for these dates; ask the liaison team."
        ),
        "ramadan_no_advice": "Ask the liaison team how Ramadan affects the exercise.",
        "hospitality": "Hospitality",
        "gifts": "Gifts",
        "photography": "Photography",
        "gender_interaction": "Men and women",
        "dining_manners": "At the table",
        "dos_and_donts": "Dos and don'ts",
        "do": "Do",
        "dont": "Don't",
        "col_why": "Why",
        # phrases
        "col_phrase": "Phrase",
        "col_transliteration": "Say it",
        "col_meaning": "Meaning",
        "col_note": "Note",
        # contacts
        "emergency": "In an emergency",
        "col_name": "Name",
        "col_reach": "Phone, e-mail, radio",
        "col_speaks": "Speaks",
        # card
        "card_more": "More, with the reasons: the full briefing. Questions: the liaison team.",
        "emergency_contacts": "Emergency contacts",
        # quiz
        "quiz_instructions": "Choose one answer for each question. Pass mark: {pass_mark} %.",
        "check": "Check my answers",
        "retry": "Try again",
        "result": "{correct} of {total} correct ({percent} %).",
        "passed": "Passed: the pass mark is {pass_mark} %.",
        "failed": (
            "Not yet passed: the pass mark is {pass_mark} %. Read the briefing again and retry."
        ),
        "unanswered": "Not answered.",
        "right": "Correct.",
        "wrong": "The answer is {letter}.",
        "name_line": "Name",
        "unit_line": "Unit",
        "date_line": "Date",
        "score_line": "Score: ____ of {total} — pass mark {pass_mark} % ({needed} correct answers)",
        "answer_key": "Answer key — for the trainer",
        "col_question": "Question",
        "col_answer": "Answer",
        "col_section": "Where in the briefing",
        "letters": ["a", "b", "c", "d", "e"],
        "q_rank_code": "What is the NATO code of the rank “{title}” ({nation})?",
        "q_rank_equivalent": "Rank “{title}” ({audience}): what is the equivalent rank ({host})?",
        "q_event_dress": "What is the dress for “{event}”?",
        "q_event_place": "Where does “{event}” take place?",
        "q_event_day": "On which day is “{event}”?",
        "q_flag_first": "Whose flag comes first in the exercise's flag order?",
        "q_avoid": "Which of these should you avoid?",
        "q_do": "Which of these is recommended?",
        "q_reason_do": "Why is this recommended: “{text}”?",
        "q_reason_dont": "Why should you avoid this: “{text}”?",
        "q_phrase": "What does “{transliteration}” ({phrase}) mean?",
    },
    "fr": {
        "briefing": "Briefing culturel",
        "card": "Carte mémo",
        "quiz": "Quiz",
        "quiz_sheet": "Quiz — version imprimable",
        "prepared_for": "Destinataires",
        "language": "Langue",
        "generated": "Produit le",
        "knowledge_as_of": "Connaissances à jour au",
        "source": "Source",
        "source_text": (
            "produit à partir des connaissances en vigueur de l'exercice ({exercise_id}) ; "
            "signalez toute correction à l'équipe de liaison"
        ),
        "missing_title": "Traductions manquantes",
        "missing_intro": (
            "Ces textes n'existent pas encore en {language}. Ils sont signalés « {marker} » là où "
            "ils devraient figurer et ne sont pas remplacés par une autre langue :"
        ),
        "missing_none": "Tous les textes de ce briefing existent en {language}.",
        "missing_marker": "pas encore traduit",
        "contents": "Sommaire",
        "updated": "Informations mises à jour le {when}",
        "nothing_yet": "Rien pour l'instant sur ce point ; demandez à l'équipe de liaison.",
        "utc": "UTC",
        "page": "Page",
        "glance": "L'exercice en bref",
        "logistics": "Arrivée et logistique",
        "protocol": "Protocole",
        "etiquette": "Usages et savoir-vivre",
        "phrases": "Expressions utiles",
        "contacts": "Contacts",
        "dates": "Dates",
        "date_range": "du {start} au {end} ({days})",
        "time_zone": "Fuseau horaire",
        "host": "Nation hôte",
        "partners": "Nations partenaires",
        "phases": "Phases",
        "places": "Lieux",
        "schedule": "Temps forts du programme",
        "col_date": "Date",
        "col_time": "Heure",
        "col_event": "Activité",
        "col_place": "Lieu",
        "col_dress": "Tenue",
        "col_purpose": "Usage",
        "col_hours": "Horaires",
        "ramadan_hours": "Pendant le ramadan : {hours}",
        "closed": "fermé",
        "ranks": "Correspondance des grades",
        "ranks_intro": (
            "Les codes OTAN du STANAG 2116 (OF officiers, OR sous-officiers et militaires du "
            "rang) comparent les grades d'une armée à l'autre : comparez les codes, pas les noms."
        ),
        "col_code": "Code OTAN",
        "forms_of_address": "Formules d'adresse",
        "col_addressee": "À qui",
        "col_form": "Formule",
        "ceremonies": "Cérémonies",
        "flag_order": "Ordre des drapeaux",
        "flag_order_intro": "Du premier au dernier :",
        "dress": "Tenue",
        "dress_codes": "Les tenues",
        "dress_by_event": "Tenue de chaque activité",
        "greetings": "Salutations",
        "prayer": "Heures de prière et vendredi",
        "fridays": (
            "Vendredis pendant l'exercice : {dates}. Le vendredi est le jour de la grande prière "
            "hebdomadaire, en commun, vers midi."
        ),
        "no_fridays": "L'exercice ne comprend aucun vendredi.",
        "ramadan": "Ramadan",
        "ramadan_overlap": (
            "L'exercice coïncide avec le ramadan {year}du {start} au {end} : ce qui suit "
            "s'applique."
        ),
        "ramadan_clear": (
            "L'exercice ne coïncide pas avec le ramadan : le ramadan {year}devrait avoir lieu du "
            "{start} au {end}."
        ),
        "hijri_year": "{year} de l'hégire ",
        "ramadan_computed": (
            "Source : calendrier Umm al-Qura, par calcul. Le ramadan commence avec l'observation "
            "de la nouvelle lune et peut donc débuter un jour plus tôt ou plus tard ; l'équipe de "
            "liaison confirme les dates."
        ),
        "ramadan_announced": "Source : dates annoncées localement ({source}).",
        "ramadan_announced_plain": (
            "Source : dates annoncées localement, communiquées par l'équipe de liaison."
        ),
        "ramadan_unknown": (
            "Les dates du ramadan n'ont pas pu être déterminées pour ces dates ; demandez à "
            "l'équipe de liaison."
        ),
        "ramadan_no_advice": (
            "Demandez à l'équipe de liaison ce que le ramadan change à l'exercice."
        ),
        "hospitality": "Hospitalité",
        "gifts": "Cadeaux",
        "photography": "Photographie",
        "gender_interaction": "Relations entre hommes et femmes",
        "dining_manners": "À table",
        "dos_and_donts": "À faire et à éviter",
        "do": "À faire",
        "dont": "À éviter",
        "col_why": "Pourquoi",
        "col_phrase": "Expression",
        "col_transliteration": "Prononciation",
        "col_meaning": "Sens",
        "col_note": "Remarque",
        "emergency": "En cas d'urgence",
        "col_name": "Nom",
        "col_reach": "Téléphone, courriel, radio",
        "col_speaks": "Langues",
        "card_more": (
            "Pour aller plus loin, avec les raisons : le briefing complet. Questions : l'équipe "
            "de liaison."
        ),
        "emergency_contacts": "Contacts d'urgence",
        "quiz_instructions": (
            "Choisissez une réponse par question. Seuil de réussite : {pass_mark} %."
        ),
        "check": "Vérifier mes réponses",
        "retry": "Recommencer",
        "result": "{correct} bonne(s) réponse(s) sur {total} ({percent} %).",
        "passed": "Réussi : le seuil de réussite est de {pass_mark} %.",
        "failed": (
            "Pas encore réussi : le seuil de réussite est de {pass_mark} %. Relisez le briefing "
            "et recommencez."
        ),
        "unanswered": "Sans réponse.",
        "right": "Bonne réponse.",
        "wrong": "La réponse est {letter}.",
        "name_line": "Nom",
        "unit_line": "Unité",
        "date_line": "Date",
        "score_line": (
            "Note : ____ sur {total} — seuil de réussite {pass_mark} % ({needed} bonnes réponses)"
        ),
        "answer_key": "Corrigé — pour le formateur",
        "col_question": "Question",
        "col_answer": "Réponse",
        "col_section": "Partie du briefing",
        "letters": ["a", "b", "c", "d", "e"],
        "q_rank_code": "Quel est le code OTAN du grade « {title} » ({nation}) ?",
        "q_rank_equivalent": (
            "Grade « {title} » ({audience}) : quel est le grade équivalent ({host}) ?"
        ),
        "q_event_dress": "Quelle est la tenue pour « {event} » ?",
        "q_event_place": "Où a lieu « {event} » ?",
        "q_event_day": "Quel jour a lieu « {event} » ?",
        "q_flag_first": "Quel drapeau vient en premier dans l'ordre protocolaire de l'exercice ?",
        "q_avoid": "Laquelle de ces attitudes faut-il éviter ?",
        "q_do": "Laquelle de ces attitudes est recommandée ?",
        "q_reason_do": "Pourquoi est-ce recommandé : « {text} » ?",
        "q_reason_dont": "Pourquoi faut-il éviter ceci : « {text} » ?",
        "q_phrase": "Que signifie « {transliteration} » ({phrase}) ?",
    },
    "ar": {
        "briefing": "إيجاز التوعية الثقافية",
        "card": "بطاقة مرجعية",
        "quiz": "اختبار قصير",
        "quiz_sheet": "اختبار قصير — نسخة للطباعة",
        "prepared_for": "موجه إلى",
        "language": "اللغة",
        "generated": "تاريخ الإعداد",
        "knowledge_as_of": "المعلومات محدثة حتى",
        "source": "المصدر",
        "source_text": (
            "أعد تلقائيا من المعلومات الحالية للتمرين ({exercise_id})، ويرجى إبلاغ فريق الارتباط "
            "بأي تصحيح"
        ),
        "missing_title": "ترجمات ناقصة",
        "missing_intro": (
            "لا تتوفر النصوص التالية باللغة {language} حتى الآن، وقد وضعت مكانها عبارة «{marker}» "
            "ولم تستبدل بنصوص بلغة أخرى:"
        ),
        "missing_none": "جميع نصوص هذا الإيجاز متوفرة باللغة {language}.",
        "missing_marker": "لم يترجم بعد",
        "contents": "المحتويات",
        "updated": "آخر تحديث لهذه المعلومات: {when}",
        "nothing_yet": "لا توجد معلومات عن هذا بعد، ويرجى سؤال فريق الارتباط.",
        "utc": "التوقيت العالمي",
        "page": "صفحة",
        "glance": "التمرين في لمحة",
        "logistics": "الوصول والشؤون الإدارية",
        "protocol": "المراسم",
        "etiquette": "الآداب والعادات",
        "phrases": "عبارات مفيدة",
        "contacts": "جهات الاتصال",
        "dates": "المدة",
        "date_range": "من {start} إلى {end} ({days})",
        "time_zone": "المنطقة الزمنية",
        "host": "الدولة المضيفة",
        "partners": "الدول الشريكة",
        "phases": "المراحل",
        "places": "الأماكن",
        "schedule": "أبرز الفعاليات",
        "col_date": "التاريخ",
        "col_time": "الوقت",
        "col_event": "الفعالية",
        "col_place": "المكان",
        "col_dress": "اللباس",
        "col_purpose": "الغرض",
        "col_hours": "ساعات العمل",
        "ramadan_hours": "في رمضان: {hours}",
        "closed": "مغلق",
        "ranks": "تعادل الرتب",
        "ranks_intro": (
            "رموز الاتفاقية القياسية للناتو STANAG 2116 (OF للضباط وOR لضباط الصف والجنود) "
            "تقارن الرتب بين الجيوش، فقارن الرموز لا الأسماء."
        ),
        "col_code": "رمز الناتو",
        "forms_of_address": "صيغ المخاطبة",
        "col_addressee": "عند مخاطبة",
        "col_form": "قل",
        "ceremonies": "المراسم الرسمية",
        "flag_order": "ترتيب الأعلام",
        "flag_order_intro": "من الأول إلى الأخير:",
        "dress": "اللباس",
        "dress_codes": "أنواع اللباس",
        "dress_by_event": "لباس كل فعالية",
        "greetings": "التحية",
        "prayer": "أوقات الصلاة ويوم الجمعة",
        "fridays": (
            "أيام الجمعة خلال التمرين: {dates}. يوم الجمعة هو يوم صلاة الجمعة الأسبوعية التي "
            "تقام جماعة قرابة الظهر."
        ),
        "no_fridays": "لا يتضمن التمرين أي يوم جمعة.",
        "ramadan": "شهر رمضان",
        "ramadan_overlap": (
            "يتزامن التمرين مع شهر رمضان {year}من {start} إلى {end}، فيسري ما يلي:"
        ),
        "ramadan_clear": (
            "لا يتزامن التمرين مع شهر رمضان، إذ يتوقع أن يكون رمضان {year}من {start} إلى {end}."
        ),
        "hijri_year": "{year} هـ ",
        "ramadan_computed": (
            "المصدر: تقويم أم القرى، بالحساب. يبدأ شهر رمضان برؤية الهلال، فقد يتقدم أو يتأخر "
            "يوما واحدا، ويؤكد فريق الارتباط المواعيد."
        ),
        "ramadan_announced": "المصدر: المواعيد المعلنة محليا ({source}).",
        "ramadan_announced_plain": "المصدر: المواعيد المعلنة محليا كما أبلغ بها فريق الارتباط.",
        "ramadan_unknown": "تعذر تحديد مواعيد شهر رمضان لهذه التواريخ، ويرجى سؤال فريق الارتباط.",
        "ramadan_no_advice": "اسأل فريق الارتباط عن أثر شهر رمضان في التمرين.",
        "hospitality": "الضيافة",
        "gifts": "الهدايا",
        "photography": "التصوير",
        "gender_interaction": "التعامل بين الرجال والنساء",
        "dining_manners": "آداب الطعام",
        "dos_and_donts": "ما يستحسن فعله وما يجب تجنبه",
        "do": "يستحسن",
        "dont": "تجنب",
        "col_why": "السبب",
        "col_phrase": "العبارة",
        "col_transliteration": "النطق بالحروف اللاتينية",
        "col_meaning": "المعنى",
        "col_note": "ملاحظة",
        "emergency": "في حالات الطوارئ",
        "col_name": "الاسم",
        "col_reach": "الهاتف والبريد الإلكتروني واللاسلكي",
        "col_speaks": "اللغات",
        "card_more": "للمزيد مع الأسباب: الإيجاز الكامل. وللاستفسار: فريق الارتباط.",
        "emergency_contacts": "أرقام الطوارئ",
        "quiz_instructions": "اختر إجابة واحدة لكل سؤال. درجة النجاح: {pass_mark}٪.",
        "check": "تحقق من إجاباتي",
        "retry": "أعد المحاولة",
        "result": "الإجابات الصحيحة: {correct} من {total} ({percent}٪).",
        "passed": "ناجح: درجة النجاح المطلوبة {pass_mark}٪.",
        "failed": (
            "لم تبلغ درجة النجاح المطلوبة ({pass_mark}٪) بعد، فأعد قراءة الإيجاز وحاول مرة أخرى."
        ),
        "unanswered": "لم تتم الإجابة.",
        "right": "إجابة صحيحة.",
        "wrong": "الإجابة الصحيحة: {letter}.",
        "name_line": "الاسم",
        "unit_line": "الوحدة",
        "date_line": "التاريخ",
        "score_line": "الدرجة: ____ من {total} — درجة النجاح {pass_mark}٪ ({needed} إجابات صحيحة)",
        "answer_key": "مفتاح الإجابات — للمدرب",
        "col_question": "السؤال",
        "col_answer": "الإجابة",
        "col_section": "موضعها في الإيجاز",
        "letters": ["أ", "ب", "ج", "د", "هـ"],
        "q_rank_code": "ما رمز الناتو لرتبة «{title}» ({nation})؟",
        "q_rank_equivalent": "ما الرتبة المعادلة لرتبة «{title}» ({audience}) في {host}؟",
        "q_event_dress": "ما اللباس المقرر في «{event}»؟",
        "q_event_place": "ما مكان «{event}»؟",
        "q_event_day": "متى موعد «{event}»؟",
        "q_flag_first": "علم أي دولة يأتي أولا في ترتيب أعلام التمرين؟",
        "q_avoid": "أي مما يلي يجب تجنبه؟",
        "q_do": "أي مما يلي يستحسن فعله؟",
        "q_reason_do": "لماذا يستحسن ما يلي: «{text}»؟",
        "q_reason_dont": "لماذا يجب تجنب ما يلي: «{text}»؟",
        "q_phrase": "ما معنى «{transliteration}» ({phrase})؟",
    },
}


def labels_for(lang: str) -> dict[str, Any]:
    try:
        return LABELS[lang]
    except KeyError:
        raise LanguageNotAvailable(
            f"briefings have no texts in '{lang}' yet: add them to lookup/briefing/labels.py "
            f"(languages with texts: {', '.join(sorted(LABELS))})"
        ) from None
