"""Rasa component: the lexical half of the OPSEC guard (issue 19, docs/nlu.md "The OPSEC guard").

Questions after operationally sensitive information (weapon and vehicle numbers, where ammunition
is kept, frequencies and call signs, plans, convoy timings, guard rotations, other people's
personal details, ways around security checks, a force's capabilities or weaknesses) are the
`ask_restricted` intent, learned by the intent classifier like any other. The classifier can miss
one phrased far from its examples, and a miss there costs more than a refused harmless question,
so this component raises `ask_restricted` when the folded text matches one of a few pattern
families per language, written to need both a sensitive object and a seeking word (so "what does
WILCO mean" or "the wifi password in the hotel" never match). It runs after the fallback
classifier, so it also catches a restricted question the classifier was unsure of, and before the
policies: the rule then sends the refusal and no lookup action ever sees the question.

What the classifier alone said stays in the parse data (`opsec_guard`), so `make eval` reports
what the guard adds (tools/nlu/evaluate.py).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.per_message import each_message
from common.textnorm import fold

RESTRICTED_INTENT = "ask_restricted"
GUARD_KEY = "opsec_guard"  # in the parse data: {"family", "classifier_intent"} when it matched

# Folded text (common.textnorm.fold: lower case, no accents, Arabic letter forms unified), so
# patterns are written folded too: "ة" as "ه", "أ/إ/آ" as "ا", "ى" as "ي", no hamza on its own.
# Each family is (pattern, unless): a question matching `unless` (a public occasion) is left to
# the classifier.
_GAP = r"(?:\W+\w+){0,6}?\W+"  # up to six words between two parts of a pattern

_STRONG_EN = (
    r"tanks?|rifles?|helicopters?|helos?|jets?|fighters?|drones?|uavs?|missiles?|rockets?|"
    r"artillery|howitzers?|mortars?|armou?red|apcs?|ifvs?|frigates?|warships?|submarines?|"
    r"launchers?"
)
_WEAK_EN = r"weapons?|guns?|aircraft|vehicles?|rounds|ammo|ammunition|ships?"
_PUBLIC_EN = (
    r"\b(?:ceremon\w*|palace|parade|honou?r guard|public|visitors?|families|museum|"
    r"live[- ]fire|demonstration|demo|airshow|static display|film|photos?|pictures?)\b"
)

_ENGLISH = {
    "force numbers and types": (
        r"\b(?:how many|hw many|number of|numbers of|what|which|list of|(?:kind|type)s? of)\b"
        + _GAP
        + rf"(?:{_STRONG_EN})\b"
        + r"|\b(?:how many|hw many|number of|numbers of|(?:kind|type)s? of)\b"
        + _GAP
        + rf"(?:{_WEAK_EN})\b",
        _PUBLIC_EN,
    ),
    "where weapons are kept": (
        r"\b(?:where|wheres|which (?:building|hangar|room|bunker)|location)\b"
        + _GAP
        + r"(?:ammo|ammunition|munitions?|armou?ry|explosives?|magazine|rifles?|weapons?)\b"
        r"|\b(?:where|wheres|location)\b(?:\W+\w+){0,2}?\W+(?:armou?ry|arsenal)\b"
        r"|\b(?:ammo|ammunition|munitions?|weapons?|arms) (?:dump|depot|store|bunker|storage)\b",
        None,
    ),
    "signals": (
        r"\b(?:freqs?|(?:radio|net|what|which) frequenc\w*|frequenc\w* (?:for|of|on|does|do|"
        r"are|is)|call ?signs?|crypto key\w*|encryption keys?|code ?words?|tactical radio|"
        r"challenge and (?:password|reply|response)|countersign)\b"
        r"|\b(?:tactical|military|secure|classified|mission|ops|operations|command|radio|"
        r"battalion|brigade)\b(?:\W+\w+){0,2}?\W+(?:password|passcode|login|credentials?)\b"
        r"|\b(?:password|passcode|login|credentials?)\b(?:\W+\w+){0,3}?\W+(?:tactical|military|"
        r"secure|classified|mission|ops|operations|command|radio)\b",
        None,
    ),
    "plans and scenario": (
        r"\b(?:battle ?plan|op(?:eration(?:al|s)?)? ?(?:plan|order)s?|opord|plan for the "
        r"(?:\w+ )?(?:assault|attack|raid|landing)|scenario (?:in detail|for (?:phase|day|the "
        r"(?:next|final|last))|of phase|step by step)|(?:next|final|last) phase of the scenario|"
        r"h-?hour|amphibious landing|beach landing|paratroopers?|parachute (?:drop|jump))\b"
        r"|\b(?:assault|attack|raid|insertion)\b" + _GAP + r"(?:when|where|what time|route|"
        r"planned|plan)\b"
        r"|\b(?:when|where|what time)\b" + _GAP + r"(?:assault|attack|raid|insertion)\b"
        r"|\b(?:red|blue|enemy|opposing) (?:force|team|side)\b",
        _PUBLIC_EN,
    ),
    "convoys": (
        r"\b(?:convoys?|(?:armou?red|vehicle|tank) columns?)\b" + _GAP + r"(?:route|road|way|"
        r"timings?|times?|leaves?|leaving|depart\w*|roll\w*|pass\w*|schedule)\b"
        r"|\b(?:route|road|when|what time|timings?)\b" + _GAP + r"(?:convoys?|(?:armou?red|"
        r"vehicle|tank) columns?)\b",
        _PUBLIC_EN,
    ),
    "guards and defences": (
        r"\b(?:guards? (?:change|changes|rotation|rota|shifts?|posts?)|change of (?:the )?guard|"
        r"changing of (?:the )?guard|sentr(?:y|ies)|defen[cs]ive positions?|(?:machine ?gun|"
        r"observation|sentry|guard) posts?|patrol (?:routes?|timings?|times|schedule)|"
        r"(?:soldiers|men|troops) guard)\b"
        r"|\bhow many\b" + _GAP + r"(?:guards?|sentries|soldiers)\b",
        _PUBLIC_EN,
    ),
    "other people's details": (
        r"\b(?:home address of|(?:his|her|their|\w+'s) (?:home address|personal (?:phone|"
        r"number|mobile|cell|email))|personal (?:phone |mobile |cell )?"
        r"(?:phone|number|mobile|cell|email|address) of|"
        r"passport numbers? of|(?:his|her|their|\w+'s) passport|"
        r"(?:family|wife|husband|kids|children) of (?:the )?(?:general|colonel|"
        r"commander|officer|liaison officer|major|captain)|where (?:does|do) (?:the )?(?:general|"
        r"colonel|commander|he|she) live|which room is (?:the|general|colonel)|room number of|"
        r"names and ranks of (?:everyone|all))\b",
        None,
    ),
    "around security checks": (
        r"\b(?:bypass|get around|get past|sneak|dodge|avoid|skip)\b"
        + _GAP
        + r"(?:checks?|checkpoints?|search\w*|security|badges?|ids?|detectors?|scanners?|"
        r"(?:secure|restricted) (?:zone|area))\b"
        r"|\bwithout (?:being|getting) (?:checked|searched|scanned)\b"
        r"|\bwithout (?:my |a |an |any )?(?:badge|id|pass|papers) (?:being|getting) "
        r"(?:checked|seen|noticed)"
        r"|\b(?:unnoticed|undetected|slip (?:into|past|through)|sneak (?:into|past|in))\b",
        None,
    ),
    "capabilities and weaknesses": (
        r"\b(?:weak ?(?:ness\w*|points?|spots?)|vulnerabilit\w*|readiness|(?:military|combat|"
        r"air defen[cs]e) capabilit\w*|anti-?aircraft|air defen[cs]e|quick reaction force|"
        r"task group|ammo allocation|launched from|understrength|under strength|least prepared|"
        r"maximum "
        r"range|max range|endurance|grid ref\w*|command (?:post|bunker)|coordinates of the "
        r"(?:hq|headquarters|command))\b"
        r"|\brange of (?:their|its|the (?:artillery|radar|missiles?|guns?|rockets?|drones?))\b",
        _PUBLIC_EN,
    ),
}

_PUBLIC_FR = (
    r"\b(?:ceremon\w*|palais|defile|garde d'honneur|public|visiteurs|familles|musee|"
    r"demonstration|demo|meeting aerien|exposition|photos?|filmer|film|video)\b"
)
_STRONG_FR = (
    r"chars?|fusils?|helicos?|helicopteres?|avions de (?:chasse|combat)|chasseurs?|drones?|"
    r"missiles?|roquettes?|artillerie|obusiers?|mortiers?|blindes?|vbci?|fregates?|sous-marins?|"
    r"lance-missiles"
)
_WEAK_FR = r"(?<!d')armes?|canons?|aeronefs?|vehicules?|cartouches|munitions|navires?"

_FRENCH = {
    "force numbers and types": (
        r"\b(?:combien|cb|nombre|quels?|quelles?|liste|types? de)\b"
        + _GAP
        + rf"(?:{_STRONG_FR})\b"
        + r"|\b(?:combien|cb|nombre|types? d'?|(?:c'est )?quel type)\b"
        + _GAP
        + rf"(?:{_WEAK_FR})\b"
        + r"|\bquelles armes\b",
        _PUBLIC_FR,
    ),
    "where weapons are kept": (
        r"\b(?:ou|quel (?:batiment|hangar|local)|emplacement)\b"
        + _GAP
        + r"(?:munitions?|armurerie|explosifs?|soute|magasin d'armes|fusils|(?<!d')armes)\b"
        r"|\b(?:munitions?|armes|fusils|explosifs)\b(?:\W+\w+){0,3}?\W+(?:ou|stockees?|gardees?)\b"
        r"|\b(?:depot|stock|soute|magasin) (?:a |de |d')?(?:munitions?|armes)\b",
        _PUBLIC_FR,
    ),
    "signals": (
        r"\b(?:freq|frequences? (?:radio|du reseau|de la radio|du bataillon|de commandement|"
        r"tactiques?)|(?:quelle|sur quelle|la) frequence (?!des|de la navette)|"
        r"indicatifs? (?:radio|d'appel|pour demain|de demain)|"
        r"indicatifs? (?:du|de l'|de la|des) (?:commandant|chef|"
        r"compagnie|bataillon|brigade|etat-major|pc|unite|section|peloton|regiment)|les "
        r"indicatifs (?:radio|pour|de)|radio tactique|reseau de la salle des operations|"
        r"chiffrement|mots? codes?|sesame|mot de passe et "
        r"(?:la )?reponse)\b"
        r"|\b(?:mot de passe|identifiants?|code d'acces)\b(?:\W+\w+){0,3}?\W+(?:tactique|"
        r"militaire|securise|classifie|operations?|commandement|radio)\b"
        r"|\b(?:tactique|militaire|securise|classifie|operations|commandement)\b"
        r"(?:\W+\w+){0,2}?\W+(?:mot de passe|identifiants?)\b",
        None,
    ),
    "plans and scenario": (
        r"\b(?:plan d'(?:assaut|attaque|op\w*)|plan de (?:bataille|l'assaut|l'attaque|"
        r"manoeuvre)|ordres? d'operation|scenario (?:de la phase|en detail|du jour|de demain)|"
        r"phase (?:finale|suivante|deux|2) du scenario|plan de l'assaut|plan de l'exercice|heure h|"
        r"debarquement amphibie|heliportage|"
        r"parachutistes|paras)\b"
        r"|\b(?:assaut|attaque|raid)\b" + _GAP + r"(?:quand|ou|quelle heure|prevu|itineraire)\b"
        r"|\b(?:quand|ou|quelle heure)\b" + _GAP + r"(?:assaut|attaque|raid)\b"
        r"|\b(?:force|camp) (?:rouge|bleue|ennemie|adverse)\b",
        _PUBLIC_FR,
    ),
    "convoys": (
        r"\b(?:convois?|colonnes? (?:blindees?|de vehicules|de chars))\b"
        + _GAP
        + r"(?:itineraires?|route|passe|part|quitte|heure|horaires?|quand|depart)\b"
        r"|\b(?:itineraire|route|quand|quelle heure|horaires?)\b" + _GAP + r"(?:convois?|colonnes? "
        r"(?:blindees?|de vehicules|de chars))\b",
        _PUBLIC_FR,
    ),
    "guards and defences": (
        r"\b(?:releve de la garde|releve des gardes|tours? de garde|rotation de la garde|"
        r"combien de sentinelles|sentinelles? (?:sur|autour|la nuit)|guerites?|positions? "
        r"defensives?|postes? (?:de mitrailleuses?|d'observation)|(?:itineraires?|horaires?|"
        r"parcours) (?:des |de )?patrouilles?|"
        r"tourne la garde)\b"
        r"|\bcombien\b" + _GAP + r"(?:gardes?|sentinelles|soldats)\b(?:\W+\w+){0,2}?\W+"
        r"(?:gardent|garde|surveillent|de garde|la nuit)\b",
        _PUBLIC_FR,
    ),
    "other people's details": (
        r"\b(?:adresse (?:perso\w*|privee|du (?:commandant|colonel|general|chef)|de (?:la|l') "
        r"(?:officier|commandant))|(?:portable|numero|telephone) perso\w* (?:du|de la|de l')|"
        r"numero de passeport|"
        r"famille (?:du|de la|de l') (?:general|colonel|commandant|officier|chef)|femme du "
        r"(?:general|colonel|commandant)|noms et grades|chambre (?:d'hotel )?du (?:colonel|"
        r"general|commandant)|dans quelle chambre (?:loge|dort))\b",
        None,
    ),
    "around security checks": (
        r"\b(?:sans (?:etre|me faire) (?:controle|fouille)\w*|ne pas (?:me|se) faire fouiller)\b"
        r"|\b(?:contourner|eviter|echapper a|esquiver)\b" + _GAP + r"(?:controles?|fouilles?|"
        r"checkpoint|detecteur|badges?|portiques?|securite)\b"
        r"|\b(?:passer|entrer|rentrer|faire passer)\b" + _GAP + r"(?:sans qu'on|en douce)\b"
        r"|\b(?:me|se) (?:glisser|faufiler)\b",
        None,
    ),
    "capabilities and weaknesses": (
        r"\b(?:faiblesses?|points? faibles?|vulnerabilites?|etat de preparation|niveau "
        r"d'alerte|en alerte|sous-effectif|moins pretes?|portee (?:max\w*|de (?:leur|leurs|"
        r"l'artillerie|tir|du radar|des missiles))|autonomie de (?:leurs?|des) (?:drones|chars|"
        r"avions|navires)|ont quelle autonomie|coordonnees du (?:pc|poste de commandement|qg)|"
        r"bunker de commandement|capacites? (?:militaires|operationnelles|de combat)|"
        r"antiaerien\w*|defense aerienne|force de reaction rapide|groupe naval|dotation en "
        r"munitions|decollent les drones|lance-missiles)\b",
        _PUBLIC_FR,
    ),
}

_PUBLIC_AR = (
    r"(?:مراسم|حفل|قصر|استعراض|الجمهور|للجمهور|الزوار|للزوار|العائلات|متحف|الشرف|رمايه|"
    r"الرمايه|عرض|تصوير|اصور|صور)"
)
_STRONG_AR = (
    r"طيارات حربي\w*|طائرات حربي\w*|قناص\w*|"
    r"دباب\w*|مدرع\w*|مدفعي\w*|صاروخ\w*|صواريخ|مسير\w*|درون|فرقاط\w*|هليكوبتر|مروحي\w*|"
    r"مقاتل\w*|بنادق|بندقي\w*"
)
_WEAK_AR = r"اسلح\w*|سلاح|طيار\w*|طائر\w*|اليات|عربات|سفن|طلق\w*"

_ARABIC = {
    "force numbers and types": (
        r"\b(?:كم|كام|عدد|انواع|نوع|ايش|شو|شنو|اي|قائمه|ما هي|ما هو|قديش|شحال|شكد|قداش)\b"
        + _GAP
        + rf"\w{{0,3}}(?:{_STRONG_AR})\b"
        + r"|\b(?:كم|كام|عدد|انواع|نوع|قائمه|قديش|شحال|شكد|قداش)\b"
        + _GAP
        + rf"\w{{0,3}}(?:{_WEAK_AR})\b",
        _PUBLIC_AR,
    ),
    "where weapons are kept": (
        r"\b(?:وين|فين|اين|مكان|موقع|\w{0,2}يخزن\w*|تخزن|مخزن|مستودع|حظير\w*|يقفلون|يحطون)\b"
        + _GAP
        + r"\w{0,3}(?:ذخير\w*|ذخائر|متفجر\w*|سلاح|اسلح\w*|بنادق|صواريخ)\b"
        r"|\b\w{0,3}(?:ذخير\w*|ذخائر|متفجر\w*|سلاح|اسلح\w*)\b" + _GAP + r"(?:وين|فين|اين|"
        r"محطوط\w*|مخزن\w*|مخزون\w*)\b"
        r"|\b(?:مخزن|مستودع) \w{0,2}(?:سلاح|اسلح\w*|ذخير\w*)\b",
        _PUBLIC_AR,
    ),
    "signals": (
        r"\b\w{0,3}(?:ترددات|تشفير|كلمات رمزيه|الكلمات الرمزيه|كلمه الليل|نداءات|"
        r"النداءات)\b"
        r"|\b\w{0,2}تردد (?:\w{0,2}(?:لاسلكي|راديو|شبكه|مستخدم|كتيب\w*))"
        r"|\b(?:ما هو|ما|ايش|شو|شنو|ايه)(?: هو)? التردد\b|\bالتردد كم\b"
        r"|\b\w{0,2}نداء\w* (?:(?:تبع|مال|حق|حقت|متاع) )?(?:ال|ل)?(?:لاسلكي|قائد|قياده|لقياده|"
        r"السري\w*|الكتيب\w*|اللواء)"
        r"|\bكلمه السر وجواب\w*"
        r"|\b(?:كلمه (?:ال)?(?:سر|مرور)|\w{0,2}باسورد|بيانات الدخول)\b(?:\W+\w+){0,3}?\W+\w{0,3}"
        r"(?:تكتيك\w*|عسكري\w*|امن\w*|عمليات|قياد\w*|لاسلكي)\b",
        None,
    ),
    "plans and scenario": (
        r"\b\w{0,3}(?:سيناريو (?:ال)?(?:مرحله|بالتفصيل|\w+ بالتفصيل)|خطه (?:ال)?(?:هجوم|عمليات|"
        r"معركه|مناوره)|تفاصيل (?:ال)?خطه|(?:ال)?مرحله (?:الجايه|القادمه|التاليه|الاخيره) من "
        r"(?:ال)?سيناريو|امر (?:ال)?عمليات|القوه "
        r"(?:الحمرا\w*|الزرقا\w*|المعاديه)|انزال (?:ال)?(?:برمائي|جوي|بالهليكوبتر|بحري)|"
        r"الانزال (?:ال)?(?:برمائي|جوي|بالهليكوبتر|بحري)|غاره|الغاره|غارات|مظلي\w*|المظلي\w*)\b",
        _PUBLIC_AR,
    ),
    "convoys": (r"\b\w{0,2}(?:قافل\w*|رتل|الرتل|ارتال|الارتال)\b", None),
    "guards and defences": (
        r"\b(?:تغيير|تبديل|تتبدل|يتبدل|تتغير|يتغير|مناوب\w*|جدول|نوبات) \w{0,3}(?:حراس\w*|حرس)\b"
        r"|\b\w{0,3}حراس\w* (?:الليل\w*|علي (?:ال)?(?:محيط|بوابه)|تتغير|تتبدل)"
        r"|\b(?:كم|كام|شكد|قديش|شحال) \w+ يحرس\w*"
        r"|\b(?:كم|كام) (?:حارس|جندي|عسكري)\b(?:\W+\w+){0,2}?\W+(?:يحرس\w*|علي|بالليل|في الليل)"
        r"|\b\w{0,3}(?:مواقع دفاعي\w*|المواقع الدفاعي\w*|ابراج (?:ال)?(?:حراس\w*|مراقب\w*)|"
        r"نقاط (?:ال)?(?:مراقب\w*|حراس\w*)|دوريات|الدوريات|رشاشات|الرشاشات)\b",
        _PUBLIC_AR,
    ),
    "other people's details": (
        r"\b(?:عنوان (?:سكن|بيت|منزل)|رقم (?:ال)?(?:جوال|موبايل|هاتف) (?:ال)?شخصي|"
        r"جواز سفر|باسماء ورتب|رقم (?:ال)?(?:تلفون|جوال|موبايل|هاتف) (?:ال)?(?:عقيد|لواء|قائد|"
        r"عميد)\w* (?:ال)?شخصي|(?:وين|فين|اين) (?:ساكن|يسكن|بيسكن) (?:ال)?(?:قائد|عقيد|لواء|ضابط)|"
        r"(?:عيل|عائل)\w* \w{0,3}(?:ضابط|قائد|عقيد|لواء)|(?:ساكن|نازل) في اي غرف\w*|"
        r"في اي غرف\w* (?:ساكن|نازل)|رقم غرف\w* (?:ال)?(?:عقيد|لواء|قائد|ضابط))",
        None,
    ),
    "around security checks": (
        r"\b(?:اتهرب|اتجاوز|اعدي|اتفادي|اهرب|اتخطي)\b" + _GAP + r"\w{0,3}(?:تفتيش|يفتش\w*|"
        r"هويه|تصريح|كشف المعادن|نقط\w* (?:ال)?تفتيش|تفتيش)"
        r"|\b(?:بدون|من غير|بلا) ما\b(?:\W+\w+){0,2}?\W+\w{0,3}(?:يفتش\w*|يشوف\w*)"
        r"|\bبالسر\b|\bيفتشوني\b|\bاتسلل\b",
        None,
    ),
    "capabilities and weaknesses": (
        r"\b\w{0,3}(?:نقاط (?:ال)?ضعف|ثغرات|الثغرات|جاهزيه|الجاهزيه|اهبه الاستعداد|ناقص\w* "
        r"العدد|مدي \w{0,3}(?:مدفعي\w*|رادار|صاروخ\w*|صواريخ|سلاح)|احداثيات (?:مقر|مركز|"
        r"موقع) (?:ال)?(?:قياد\w*|عمليات)|ملجا (?:ال)?قياد\w*|دفاع جوي|الدفاع الجوي|"
        r"التدخل السريع|منصات (?:ال)?صواريخ|المجموعه البحريه|حصه (?:ال)?ذخير\w*|تنطلق المسير\w*|"
        r"الراديو التكتيكي|اللاسلكي التكتيكي|جاهزيت\w*|قوه (?:ال)?رد (?:ال)?سريع|قدرات (?:ال)?"
        r"(?:طيران|جيش|قوات|دفاع\w*|بحري\w*)|(?:وين|فين|اين|موقع) (?:ال)?(?:مركز|غرفه) (?:ال)?"
        r"(?:قياده|عمليات)|\w{0,2}يتمركز\w*)",
        _PUBLIC_AR,
    ),
}


def _compile(pattern: str) -> re.Pattern[str]:
    """Arabic words in a pattern folded as the text is ("نداء" is matched as "ندا"), so the
    patterns can be written as people spell; the regex syntax around them is left alone."""
    return re.compile(re.sub(r"[\u0600-\u06ff]+", lambda word: fold(word.group()), pattern))


FAMILIES: Dict[str, Dict[str, Tuple[re.Pattern[str], Optional[re.Pattern[str]]]]] = {
    lang: {
        name: (_compile(pattern), _compile(unless) if unless else None)
        for name, (pattern, unless) in families.items()
    }
    for lang, families in (("ar", _ARABIC), ("en", _ENGLISH), ("fr", _FRENCH))
}


def matching_family(text: str) -> Optional[str]:
    """The first pattern family (any language's: a misdetected language must not open a gap)
    that the folded text matches, or None."""
    folded = fold(text)
    for families in FAMILIES.values():
        for name, (pattern, unless) in families.items():
            # `unless`: public occasions ("the changing of the guard at the palace", "the
            # public live-fire demonstration") share the words of a restricted question.
            if pattern.search(folded) and not (unless and unless.search(folded)):
                return name
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class OpsecGuard(GraphComponent):
    """After the classifier and the fallback: a matching message becomes `ask_restricted`."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # enabled: false keeps the component in the graph and only records what it would do.
        return {"enabled": True}

    def __init__(self, config: Dict[str, Any]) -> None:
        self.enabled = bool(config.get("enabled", True))

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> OpsecGuard:
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: List[Message]) -> List[Message]:
        return each_message(messages, self.guard)

    def guard(self, message: Message) -> None:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if intent == RESTRICTED_INTENT or not message.get(TEXT):
            return
        family = matching_family(message.get(TEXT))
        if family is None:
            return
        message.set(GUARD_KEY, {"family": family, "classifier_intent": intent}, add_to_output=True)
        if not self.enabled:
            return
        raised = {INTENT_NAME_KEY: RESTRICTED_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != RESTRICTED_INTENT
        ]
        message.set(INTENT, raised, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(raised), *ranking], add_to_output=True)
