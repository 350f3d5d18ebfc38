"""Words that ask something about an item rather than name one, in every language, folded
(common.textnorm.words): the one definition the lookup's search and the actions' answers read.

- WHEN_WORDS ask when: a dress question that also asks them ("tenue et heure pour la
  cérémonie", "لباس المراسم ووقتها") gets the event's time and place too (actions).
- WHERE_WORDS ask where a thing or a person is: a meal's place, a contact's office (actions).
- DETAIL_WORDS ask what an event's description tells beyond its time, place and dress: when to be
  in position or report ("by when must I be there", "à quelle heure être en place", "لازم اكون
  في مكاني", "کب پہنچنا ہے"), the bus that leaves for it, whether it is held again, by when to
  sign up ("jusqu'à quand s'inscrire"), what is closed while it runs, what to bring, where to
  sit. The pack keeps these in the event's description ("Be in position by 07:30", "Buses leave
  Building 20 at 05:45"), which the event's answer then says too, whichever action found it
  (actions).
- SCHEDULE_WORDS ask what is on: with a day of the exercise named, that day's programme.
- SAY_WORDS ask how something is said: the pack's phrases answer (actions).
- PURPOSE_WORDS ask what a place is for: its purpose is said after its card (actions).
- MY_WORDS say the asker's own ("who is my liaison officer", "c'est qui mon officier de liaison",
  "مين ضابط الارتباط تبعي", "میرا لائزن افسر کون ہے"): a liaison officer or contact asked for
  with them, and no nation named, is the one of the visitor's own contingent (actions). Not in
  ASKING_WORDS: the search reads them as it always has.
- ASKING_WORDS are all of them, the languages' names and the other words asking about an item
  (its hours, place, dress, number...). The search (lookup/search.py) matches them only whole,
  and they count for an item whose texts have them, never against one whose texts lack them:
  "what time does the flag raising start" is all about the flag raising, and "لازم نكون في
  مواقعنا الساعة كم يوم الافتتاح" all about the opening. Never a word that names (opening,
  closing).
  Not "hold": "get hold of my liaison officer" asks for the contacts, not one person's card.
"""

from __future__ import annotations

import re
from itertools import pairwise

from babel import Locale

from common.languages import LANGUAGES
from common.textnorm import words

WHEN_WORDS = frozenset(
    words(
        "time times when start starts heure heures horaire quand debut commence "
        "وقت الوقت وقتها ووقتها موعد موعدها وموعدها متى ساعة "
        "ٹائم وقت کب بجے شروع"
    )
)

# Words asking where, folded, every language: a thing's or a person's place ("where is
# breakfast", "où se trouve le capitaine Girard", "الغداء وين", "مكتبه وين", "کہاں بیٹھتے ہیں",
# Roman Urdu "kahan"). A meal named with them gets the meals' texts (actions/stand_ins.py); a
# contact asked with them, office and hours (actions/answer_found.py). Not in ASKING_WORDS:
# the search reads them as it always has. Folding makes French "ou" (or) one with "où": the
# prayer questions, which must tell them apart, read the text as written (actions/prayers.py).
WHERE_WORDS = frozenset(
    words(
        "where whereabouts located ou trouve trouver situe situee "
        "اين وين فين فاين مكان مكانه مكتبه يداوم دوامه يتواجد "
        "کہاں کدھر جگہ بیٹھتے بیٹھتی بیٹھتا kahan kahaan kidhar "
        # How to find or get to it asks its place as "where" does ("how do I find the liaison
        # cell", French "trouver" above, "كيف اوصل ل...", Darija "kifach nwsal l...", "کیسے
        # ڈھونڈوں").
        "find اوصل نوصل nwsal nwsel ڈھونڈوں ڈھونڈیں ڈھونڈنا ڈھونڈ"
    )
)

DETAIL_WORDS = frozenset(
    words(
        "position positions positioned report reporting arrive arriving arrival there "
        "bus buses shuttle shuttles coach coaches leave leaves depart departs departure "
        "repeat repeated repeats again another second twice session sessions bring "
        "place position positions presenter arriver arrivee navette navettes autocar depart "
        "partent repete repetee repetes encore autre deuxieme seance apporter "
        "register registration registrations enrol enroll enrolment signup deadline closed closure "
        "inscrire inscris inscrit inscription inscriptions limite ferme fermee fermes fermees "
        "fermeture "
        "مكاني مكانكم موقعي موقعكم اكون نكون احضر نحضر حضور اصل نصل وصول "
        "مواقعنا مواقعكم مواقعهم اماكننا اماكنكم اجيب نجيب احضار اجلب "
        "يتكرر تتكرر يعاد تعاد مكرر تكرار مره ثانيه اخري باص باصات حافله حافلات تتحرك تنطلق ينطلق "
        "التسجيل تسجيل اسجل نسجل يسجل مغلق مغلقه مسكر مسكره تسكر يسكر "
        "پوزیشن پہنچنا پہنچیں پہنچوں پہنچنے موجود حاضر دوبارہ پھر بس بسیں شٹل روانہ روانگی "
        "رجسٹر رجسٹریشن اندراج بند لانا لاؤں لائیں "
        # Roman Urdu's reaching one's place ("kitne baje tak apni jagah par pohanchna hai")
        "pohanchna pahunchna pohnchna pohanchen pahunchen pohanchun pahunchun jagah "
        # where one sits ("where do I sit at the opening ceremony": guests sit in the stand)
        "sit seat seats seated seating assis assise asseoir assoit assied "
        "اجلس نجلس يجلس مقعد مقاعد جلوس بیٹھوں بیٹھنا بیٹھیں بیٹھنے نشست "
        # who attends, takes part or is invited ("who is supposed to attend the flag raising",
        # "qui participe au lever des couleurs", "مين يحضر رفع العلم", "عشاء الترحيب لمين",
        # "کمانڈ بریفنگ میں کون شرکت کرتا ہے"): the description says it ("All contingents.",
        # "for contingent commanders, staff and liaison officers", "open to all personnel")
        "attend attends attending attendance attendee attendees participate participates "
        "participating participant participants part invited invite invites invitation "
        "supposed meant expected allowed compulsory mandatory obligatory everyone everybody whom "
        "assiste assistent assister participe participent participer invite invites invitee "
        "invitees convie convies conviee concerne concernes concernee obligatoire present presents "
        "presente monde "
        "يحضر يحضرون يحضره يحضرها تحضر يشارك يشاركون تشارك مشارك مشاركين المشاركون مدعو مدعوين "
        "مدعوون معزوم معزومين معني معنيين الزامي اجباري لمين لمن "
        "شرکت شریک شامل مدعو حصہ لازمی "
        "shirkat shareek sharik shamil hissa madoo"
    )
)

# Whole phrases asking for whom an event is, or who may go ("who is the welcome dinner for", "who
# can go to the majlis evening", "le dîner de bienvenue, c'est pour qui", "ouvert à qui", "qui
# peut venir", "مين بيروح", "استقبالیہ عشائیہ کس کے لیے ہے", "کون جا سکتا ہے", "kis ke liye"):
# asked as DETAIL_WORDS ask it, what the event's description tells (actions). Their words alone
# ("who", "for", "qui", "کس") ask about anything.
ATTEND_PHRASES = re.compile(
    r"\bwho\b.*\bfor\s*[?!.]*$|\bwho (?:can|may|should|will|is allowed to) (?:go|come|join)\b"
    r"|\bwho (?:goes|is going|comes|is coming)\b|\bopen to (?:all|everyone|everybody|whom)\b"
    r"|\bpour qui\b|\b(?:ouvert|r[eé]serv[eé]|destin[eé])e?s? [aà] qui\b"
    r"|\bqui (?:peut|doit|va|vient|pourra) (?:y )?(?:venir|aller|participer|assister|[aà]\b|au\b)"
    r"|مين (?:بي|ي|ر)روح|من يذهب|مين رايح"
    r"|(?:کس|کن) کے (?:لیے|لئے)|کون (?:جا|آ) سکت|(?:kis|kin) ke (?:liye|liay)|kaun (?:ja|aa) sakta",
    re.IGNORECASE,
)


def asks_who_attends(text: str) -> bool:
    """Whether the message asks for whom an event is or who may go (ATTEND_PHRASES)."""
    return bool(ATTEND_PHRASES.search(" ".join(text.split())))


# Words asking who leads a service or a cell ("who runs the medical cell", "who heads it", "who is
# in charge", "qui dirige", "qui s'occupe de", "مين مسؤول", "من يرأس", "بيدير", "کون چلاتا ہے",
# "انچارج", "سربراہ"), asked with a word asking who (LEAD_WHO_WORDS, French "qui" and Arabic "من"
# among them: beside a word of leading they ask who, not "which" or "from"): a person, the
# contact who heads it, is asked for, not the service's text (actions).
LEAD_WORDS = frozenset(
    words(
        "runs heads headed leads charge incharge boss responsible manages manager commands "
        "dirige dirigent responsable occupe tient gere commande "
        "مسؤول مسوول المسؤول مسئول يرأس رئيس يدير بيدير مدير كيسير يسير "
        "سربراہ انچارج چلاتا چلاتے چلاتی ہیڈ sarbarah chalata chalate"
    )
)
LEAD_WHO_WORDS = frozenset(words("who whom qui مين من شكون منو کون kaun kon"))


def asks_who_leads(text: str) -> bool:
    """Whether the message asks who leads something (LEAD_WORDS beside LEAD_WHO_WORDS)."""
    said = set(words(text))
    return bool(LEAD_WORDS & said and LEAD_WHO_WORDS & said)


# Words asking what a place is for ("what is Well Square used for", "à quoi sert la place du
# puits", "ساحة البئر تستخدم لأيش", "یہ جگہ کس کام آتی ہے"): the place's purpose, which its card
# (directions and hours) does not say, is said after it (actions).
PURPOSE_WORDS = frozenset(
    words(
        "used use uses purpose purposes function "
        "sert servent servir utilise utilisee usage fonction "
        "تستخدم يستخدم تستعمل يستعمل استخدام استعمال الغرض غرض وظيفة وظيفته وظيفتها لايش "
        "مقصد"
        # What is done or goes on there ("what happens at Well Square", "il s'y passe quoi",
        # "شو بيسووا بالساحة", "ايش يعملون فيها"): what the place is for.
        " happen happens happening held activity activities passe activite activites "
        "يعمل يعملوا يعملون بيعملوا تعمل يسوي يسوون يسووا بيسووا يصير يحدث يجري نشاط انشطه"
        # Spoken Arabic as typed, for the search too: its present with a "b" ("شو بيصير في
        # ساحة البئر"), Darija's ("شنو كيديرو"), what it is for or set aside for ("لشو مخصصة",
        # "لأي شي مستخدمة"), what it offers ("المركز الطبي شو بيقدم"); French "on y fait quoi".
        # Found in no text, they left the place named under half of the message, and the
        # fallback said "I don't have that" (issue 20).
        " بيصير بتصير بيصيرو بيعملو بيسوو بيسوي بتعمل بيجري كيديرو كيدير كيدار تيديرو "
        "لشو لشنو لاش مخصص مخصصه مخصصين مستخدم مستخدمه مستعمل مستعمله يقدم بيقدم تقدم بتقدم "
        # what use it is, as typed ("ايش الفايدة من ساحة البئر", "شو فايدتها")
        "فايده فائده فايدتها فائدتها فايدته فائدته "
        "bisir bisiir bi9ir bisawu bi3amlu "
        "fait font"
    )
)

# Words that, with a place's name alone, ask what the place is ("what is Well Square?", "c'est
# quoi la place du puits ?", "شو هي ساحة البئر؟", "ویل اسکوائر کیا ہے؟"): its purpose tells it,
# after its card (actions). Only a clause of nothing else asks it: "what is the phone number of
# the desk" does not.
WHAT_WORDS = frozenset(words("what whats quoi ما شو ايش وش شنو شنهي اش کیا"))
WHAT_IS_WORDS = WHAT_WORDS | frozenset(
    words("is the exactly c est qu que ce cest la le les du de l هي هو ہے یہ")
)


# Words asking what is on ("what happens on 2 June at 7", "il se passe quoi le 18", "ماذا يحدث
# يوم 20", "20 جنوری کا پروگرام"): with a day of the exercise named, the programme of that day.
SCHEDULE_WORDS = frozenset(
    words(
        "happen happens happening going programme program schedule agenda planned "
        "passe passera prevu prevue programme deroule "
        "يحدث يصير يجري برنامج جدول "
        "پروگرام شیڈول"
    )
)

# Words asking how something is said ("how do you say thank you in Arabic", "comment dit-on
# bonjour", "عربی میں شکریہ کیسے کہتے ہیں"), and the names of the exercise's languages in each
# of them (CLDR), which say in which language, not which item: the pack's phrases answer.
SAY_WORDS = frozenset(
    words(
        "say says said pronounce dit dire dis prononce prononcer "
        "اقول نقول تقول يقول يقولون يقال انطق "
        "کہتے کہوں کہیں کہنا کہا بولتے بولوں"
    )
)
# Each language's names in every language of the assistant (CLDR), folded: also what a
# requested language names when the model left it unmapped (actions/switch_language.py).
LANGUAGE_NAMES = {
    code: frozenset(
        word
        for other in LANGUAGES
        for word in words(Locale.parse(code).get_display_name(other) or "")
    )
    for code in LANGUAGES
}
LANGUAGE_NAME_WORDS = frozenset().union(*LANGUAGE_NAMES.values()) | frozenset(
    words("فرنسي انجليزي")
)

# Arabic also says it with a suffix on the word itself (ارتباطي, ضابطنا), listed here for the
# words a visitor asks for their officer with, or after الخاص/الخاصة ("الخاص بي", "الخاصة بنا").
MY_WORDS = frozenset(
    words(
        "my our mine ours mon notre nos mes "
        "تبعي تبعنا حقي حقنا خاصتي خاصتنا ارتباطي ارتباطنا ضابطي ضابطنا "
        "میرا میری میرے ہمارا ہماری ہمارے"
    )
)
_MINE_AFTER_OWN = (frozenset(words("الخاص الخاصة")), frozenset(words("بي بنا")))


def says_mine(text: str) -> bool:
    """Whether the message says the asker's own (MY_WORDS, or "الخاص بي")."""
    folded = words(text)
    if MY_WORDS & set(folded):
        return True
    own, me = _MINE_AFTER_OWN
    return any(a in own and b in me for a, b in pairwise(folded))


_OTHER_ASKING_WORDS = """
    time times start starts starting started begin begins beginning end ends finish finishes
    open opens close closes hours hour schedule located location address wear wearing dress code
    phone number date day today tomorrow tonight morning evening afternoon exactly clock oclock
    info information details
    heure heures horaire horaires commence commencent debut fin finit termine ouvre ouvert ouverte
    ferme fermee lieu adresse trouve situe porter tenue numero telephone jour aujourd hui demain
    soir matin exactement mettre mets
    ساعة الساعة موعد مواعيد وقت أوقات يبدأ تبدأ ينتهي تنتهي يفتح تفتح يغلق تغلق مفتوح دوام عنوان
    مكان موقع ارتدي رقم هاتف تاريخ اليوم غدا الليلة صباحا مساء بالضبط ساعات لباس ملابس البس اللبس
    وقتها ووقتها موعدها وموعدها يقفل تقفل مفتوحة فاتح فاتحة
    ٹائم ٹائمنگ شروع ختم کھلتا کھلتی کھلے کھلا کھلی بند اوقات جگہ پتہ نمبر فون پہنوں پہنیں پہننا آج
    تاریخ روانہ روانگی
    leave leaves leaving depart departs departure departing part partent partira depart partir
    تنطلق ينطلق انطلاق مغادرة تغادر يغادر
    دن صبح شام رات
    held happen happens happening take lieu passe passent deroule deroulent
    تقام يقام تعقد يعقد منعقد
    mean means meaning signifie signifient signification يعني معني معناه معناها
    directions chemin راستہ راستے
    far away distance distant km kilometre kilometres kilometer kilometers loin eloigne eloignee
    بعيد بعيده مسافه المسافه يبعد تبعد كيلو كيلومتر دور فاصلہ فاصلے کلومیٹر
"""
ASKING_WORDS = (
    frozenset(words(_OTHER_ASKING_WORDS))
    | WHEN_WORDS
    | DETAIL_WORDS
    | SCHEDULE_WORDS
    | SAY_WORDS
    | PURPOSE_WORDS
    | LANGUAGE_NAME_WORDS
)
