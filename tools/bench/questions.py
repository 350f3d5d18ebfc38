"""What the simulated users ask. The load rotates through these, in all three languages, so no
figure comes from replaying one cached request.

ACTION questions are answered by a custom action and the lookup service (ask_* topic intents →
action_answer_topic → GET /v1/topics/{topic}); RESPONSE questions by a response written in the
domain (rules, no action server). The reference assistant (`rasa init`) only knows English; its
sets are its own intents in several phrasings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    lang: str
    intent: str
    text: str


def _questions(lang: str, table: dict[str, list[str]]) -> list[Question]:
    return [Question(lang, intent, text) for intent, texts in table.items() for text in texts]


ACTION: list[Question] = [
    *_questions(
        "en",
        {
            "ask_meal_times": ["what time is lunch?", "when is breakfast"],
            "ask_transport": ["is there a shuttle bus", "bus times to the hotel"],
            "ask_medical": ["nearest doctor", "when is sick call"],
            "ask_prayer_facilities": ["where can I pray", "is there a prayer room?"],
            "ask_laundry": ["where can I wash my clothes"],
            "ask_currency": ["where can I exchange money", "is there an ATM on camp"],
            "ask_weather_kit": ["what's the weather like", "what should I pack"],
            "ask_photography": ["can I take photos"],
        },
    ),
    *_questions(
        "fr",
        {
            "ask_meal_times": ["a quelle heure on mange", "heure du déjeuner"],
            "ask_transport": ["horaires de la navette", "transfert aéroport"],
            "ask_medical": ["le médecin le plus proche ?", "horaires de l'infirmerie"],
            "ask_prayer_facilities": ["où est-ce que je peux prier"],
            "ask_laundry": ["ou est la laverie", "comment je fais laver mon linge"],
            "ask_currency": ["ou changer de l'argent", "y a un distributeur sur le camp"],
            "ask_weather_kit": ["il fait quel temps pendant l'exercice"],
            "ask_photography": ["je peux prendre des photos sur le camp ?"],
        },
    ),
    *_questions(
        "ar",
        {
            "ask_meal_times": ["متى الفطور؟", "مواعيد الوجبات"],
            "ask_transport": ["مواعيد الحافلات", "التوصيل من المطار"],
            "ask_medical": ["اقرب طبيب", "متى تفتح العيادة"],
            "ask_prayer_facilities": ["اين يمكنني الصلاة", "اتجاه القبلة"],
            "ask_laundry": ["وين اغسل ملابسي"],
            "ask_currency": ["وين اصرف فلوس", "في صراف آلي قريب؟"],
            "ask_weather_kit": ["كيف الجو خلال التمرين"],
            "ask_photography": ["ينفع اصور في المعسكر؟"],
        },
    ),
]

RESPONSE: list[Question] = [
    *_questions(
        "en",
        {
            "greet": ["hello", "good morning"],
            "thanks": ["thank you very much", "thanks a lot"],
            "bot_challenge": ["are you a bot", "am I talking to a machine"],
            "ask_help": ["what can you do"],
            "goodbye": ["see you later"],
        },
    ),
    *_questions(
        "fr",
        {
            "greet": ["bonjour", "bonsoir"],
            "thanks": ["merci beaucoup", "je vous remercie"],
            "bot_challenge": ["tu es un robot ?", "je parle a une machine ?"],
            "ask_help": ["qu'est-ce que tu sais faire"],
            "goodbye": ["bonne soirée"],
        },
    ),
    *_questions(
        "ar",
        {
            "greet": ["مرحبا", "صباح الخير"],
            "thanks": ["شكرا جزيلا", "الله يعطيك العافية"],
            "bot_challenge": ["انت بوت؟", "هل اتحدث مع آلة"],
            "ask_help": ["ايش تقدر تسوي"],
            "goodbye": ["مع السلامة"],
        },
    ),
]

# The reference assistant's own intents (rasa init's "moodbot", English only).
REFERENCE_RESPONSE: list[Question] = _questions(
    "en",
    {
        "greet": ["hello", "hi there", "good morning", "hey"],
        "goodbye": ["goodbye", "see you later", "bye"],
        "bot_challenge": ["are you a bot?", "am I talking to a bot?", "are you a human?"],
        "mood_great": ["I am feeling great", "very good"],
        "mood_unhappy": ["I am sad", "not good"],
    },
)
# Asked of the reference variant with one custom action (bot_challenge → the action).
REFERENCE_ACTION: list[Question] = _questions(
    "en",
    {
        "bot_challenge": [
            "are you a bot?",
            "am I talking to a bot?",
            "are you a human?",
            "am I talking to a human?",
            "are you a real person?",
        ]
    },
)
# The reference variant's plain responses: the turns its rules answer.
REFERENCE_RULES_RESPONSE: list[Question] = _questions(
    "en",
    {"greet": ["hello", "hi there", "good morning", "hey"], "goodbye": ["goodbye", "bye"]},
)

# Lookup service paths driven directly (what action_answer_topic asks for).
LOOKUP_TOPICS = [
    "meals",
    "transport",
    "medical",
    "prayer_facilities",
    "laundry",
    "currency",
    "weather_kit",
    "photography",
    "lodging",
    "dress",
]


def lookup_paths() -> list[str]:
    return [f"/v1/topics/{t}?lang={lang}" for t in LOOKUP_TOPICS for lang in ("ar", "en", "fr")]


def interleaved(questions: list[Question]) -> list[Question]:
    """Languages and intents alternate turn by turn (ar, en, fr, ar, ...)."""
    by_lang: dict[str, list[Question]] = {}
    for q in questions:
        by_lang.setdefault(q.lang, []).append(q)
    columns = list(by_lang.values())
    longest = max(len(c) for c in columns)
    return [c[i % len(c)] for i in range(longest) for c in columns]
