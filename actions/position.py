"""Where the visitor says they are, which is not what they ask about (issue 20, by kind).

"How do I find Well Square? I'm standing at tent B and can't see it", "كيف ألاقي ساحة البئر؟ أنا
واقف عند الخيمة ب", "je suis devant la tente B, où est la place du puits", "میں خیمہ بی کے پاس
کھڑا ہوں، ویل اسکوائر کہاں ہے": the place after "I'm at" is where the visitor stands. Searched
with the rest, it splits the message between two items, neither of which then accounts for half
of it (the fallback answered), and the model may mark it as the place asked for. The clause is
left out of what is searched, and an entity inside it alone is not the item asked.

A clause is a first-person subject with a word of standing or a preposition of place ("I'm at",
"we're standing near", "je suis devant", "je me trouve à", "أنا واقف عند", "أنا جنب", "راني
قدام"; Urdu's "میں ... کے پاس کھڑا ہوں", "main ... ke paas hoon", whose place comes before the
verb), and the place after it: at most a few words, up to the end of the sentence or a word that
goes on to something else ("and", "but", Arabic's و before a negation, "where"). Never a subject
alone, nor "I'm in" (in need, in charge), "je suis à la recherche de" (looking for).
"""

from __future__ import annotations

import re

from common.textnorm import fold, words

# Words of the place, at most: "the mess tent B", "le parking de la porte nord".
_PLACE_WORDS_AT_MOST = 5

_EN = (
    r"\b(?:i'?m|i am|im|we'?re|we are)\s+"
    r"(?:(?:standing|sitting|waiting|stuck|stood|currently|now|right|already|just|here|still)\s+){0,3}"
    r"(?:(?:standing|sitting|waiting|stuck|currently|now|right|already|just|here|still)\s+(?:in|at)"
    r"|at|near|by|next\s+to|beside|outside|in\s+front\s+of|behind|opposite|close\s+to)\b"
)
_FR = (
    r"\b(?:je\s+suis|j'?\s*suis|je\s+me\s+trouve|nous\s+sommes|on\s+est)\s+"
    r"(?:(?:actuellement|maintenant|deja|juste|ici|la|bloque|bloquee|coince|coincee|debout|"
    r"en\s+ce\s+moment)\s+){0,2}"
    r"(?!a\s+la\s+recherche|a\s+l'heure|au\s+courant|a\s+(?:la\s+|votre\s+|ta\s+)?disposition"
    r"|a\s+pied|a\s+peu|a\s+cheval|au\s+bout|a\s+jour|au\s+fond)"
    r"(?:a\s+cote\s+(?:de\s+la|de\s+l'|des|du|de|d')|pres\s+(?:de\s+la|de\s+l'|des|du|de|d')|"
    r"en\s+face\s+(?:de\s+la|de\s+l'|des|du|de|d')|devant|derriere|dans|au|aux|a\s+la|a\s+l'|a)"
)
# Folded Arabic (common.textnorm.fold: أ -> ا, ة -> ه): a subject and a word of standing, or a
# subject or a participle of standing and a preposition of place.
_AR_SUBJECT = r"(?:انا|احنا|نحن|انايا|راني|رانا|ana|ahna|rani)"
_AR_STANDING = (
    r"(?:واقف|واقفه|واقفين|قاعد|قاعده|قاعدين|موجود|موجوده|موجودين|جالس|جالسه|"
    r"هلا|هلق|هسه|هسع|دلوقتي|دلوقت|الحين|حاليا|الان|توا|دابا|هنا|هون|wa9ef|wa9fa|9a3ed|galess)"
)
_AR_PLACE_PREPOSITION = (
    r"(?:عند|جنب|جمب|بجانب|بجنب|جانب|قدام|امام|قرب|بقرب|قريب\s+من|ورا|خلف|حدا|حد|يم|مقابل|"
    r"3and|7da|jnb|9dam|fi|f)"
)
_AR_PARTICIPLE = (
    r"(?:واقف|واقفه|واقفين|قاعد|قاعده|قاعدين|موجود|موجوده|موجودين|جالس|جالسه|wa9ef|wa9fa)"
)
_AR = (
    rf"(?<!\w)(?:{_AR_SUBJECT}\s+(?:{_AR_STANDING}\s+){{1,2}}"
    rf"|{_AR_PARTICIPLE}\s+(?:{_AR_STANDING}\s+)?)"
    rf"(?:(?:في|فى|ف|ب)\s+|{_AR_PLACE_PREPOSITION}\s+)"
    rf"|(?<!\w){_AR_SUBJECT}\s+{_AR_PLACE_PREPOSITION}\s+"
)
# Urdu (folded: ی ک ہ ھ -> ي ك ه) and Roman Urdu: the place stands between the subject and "am".
_UR = (
    r"(?<!\w)(?:ميں|هم)\s+(?P<ur>(?:\w+\s+){1,5}?)"
    r"(?:كے\s+(?:پاس|سامنے|قريب|نزديك|باهر|اندر|پيچهے)|پر|پہ|په|ميں)\s+"
    r"(?:(?:كهڑا|كهڑي|كهڑے|بيٹها|بيٹهي|بيٹهے|موجود|اس\s+وقت|ابهي)\s+){0,2}(?:هوں|هيں)(?!\w)"
    r"|\b(?:main|mai|mein|hum)\s+(?P<rur>(?:\w+\s+){1,5}?)"
    r"(?:ke\s+(?:paas|pass|pas|samne|saamne|qareeb|kareeb|bahar|andar|peeche)|pe|par|mein|me)\s+"
    r"(?:(?:khara|khari|khare|betha|baitha|bethi|baithi|maujood|mojood|abhi)\s+){0,2}"
    r"(?:hoon|hun|hu|hain)\b"
)
_LEADS_IN = re.compile("|".join(f"(?:{p})" for p in (_EN, _FR, _AR)))
_URDU = re.compile(_UR)
# Where the place ends: a sentence's end, or a word going on to something else.
_CLAUSE_END = re.compile(r"[.,;:!?؟،؛\n()]|\s[-–—]\s")
_GOES_ON = frozenset(
    words(
        "and but so where how which can cant cannot dont looking trying et mais donc ou comment "
        "quel quelle je il qui بس لكن بس وين فين فاين كيف ازاي ايش شو وش مش ما"
    )
)
# Arabic's و written on the next word going on ("ومش شايفها", "وما لقيتها"); not a name's word.
_AND_THEN = re.compile(r"^و(?:مش|ما|لا|لم|مو|مب|ماني|بس|لكن|ين|ش)")

# After the place, not finding the item asked, which a pronoun names: "and can't see it", "but
# I can't find it anywhere", "et je ne la vois pas", "ومش شايفها", "وما عم شوفها", "بس مش لاقيها".
_REFERS_BACK = re.compile(
    r"(?:and|but)\s+(?:i\s+|we\s+)?(?:still\s+)?(?:can'?t|cannot|can\s+not|don'?t|do\s+not|"
    r"couldn'?t|could\s+not)\s+(?:\w+\s+){0,2}(?:it|them|one|anything|there)(?:\s+\w+)?"
    r"|(?:et|mais)\s+(?:je\s+|j'|on\s+|nous\s+)?(?:ne\s+|n')?(?:la|le|les|l')\s*\w+\s+"
    r"(?:pas|plus|rien|nulle\s+part)(?:\s+\w+)?"
    r"|(?:و|بس\s+|لكن\s+)(?:مش|ما|لا|مو|مب|ماني|لم)\s*(?:\w+\s+){0,2}\w+(?:ها|هاش|هم)"
)


def own_position_clauses(text: str) -> list[str]:
    """The clauses of the message (folded) that say where the visitor is; none usually."""
    folded = fold(text)
    found = [m.group(0) for m in _URDU.finditer(folded)]
    for lead in _LEADS_IN.finditer(folded):
        rest = folded[lead.end() :]
        end = _CLAUSE_END.search(rest)
        place = rest[: end.start()] if end else rest
        kept, until = 0, 0
        for token in re.finditer(r"\S+", place):
            bare = token.group(0).strip("'\"«»“”")
            if bare in _GOES_ON or _AND_THEN.match(bare) or kept == _PLACE_WORDS_AT_MOST:
                break
            kept, until = kept + 1, token.end()
        if kept:
            # "... and can't see it", "ومش شايفها", "et je ne la vois pas": not finding the item
            # asked, said by a pronoun, names nothing either.
            after = place[until:]
            if _REFERS_BACK.fullmatch(after.strip()):
                until = len(after.rstrip()) + until
            found.append(folded[lead.start() : lead.end() + until].strip())
    return found


def without_own_position(text: str) -> str:
    """The message without the clauses saying where the visitor is (folded, as the search reads
    it); the message itself when it has none."""
    clauses = own_position_clauses(text)
    if not clauses:
        return text
    rest = fold(text)
    for clause in clauses:
        rest = rest.replace(clause, " ", 1)
    return " ".join(rest.split()) if words(rest) else text


def only_where_they_are(value: str, text: str) -> bool:
    """Whether an entity's value is said only in the clauses saying where the visitor is: the
    place they stand at, not the item asked about."""
    clauses = own_position_clauses(text)
    if not clauses:
        return False
    said = set(words(value))
    inside = {w for clause in clauses for w in words(clause)}
    outside = set(words(without_own_position(text)))
    return bool(said) and said <= inside and not said <= outside
