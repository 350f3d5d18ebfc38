"""Words that mean the same thing to a visitor but not to a string match, for every exercise
(never one pack's names): Arabic's several words for one kind of event or vehicle, and the
English words Urdu speakers write in Urdu script ("ویلکم ڈنر" for the welcome dinner, whose Urdu
name is "استقبالیہ عشائیہ"). The search matches a query word against each of its equivalents as
if it were that word, so the item's English (or Arabic) text answers. Extend a group, or add
one, when a word is a general way of saying another in this domain; a name belongs in a pack.
"""

from __future__ import annotations

from common.textnorm import words

# Each line: words one may use for another, in any of the exercise's languages.
GROUPS = """
حفل حفلة مراسم مراسيم احتفال
ختام اختتام
حافلة باص
طعام اكل
حذاء جزمة
رئيس مسؤول مسئول
ceremony ceremonie سیریمنی تقریب
dinner diner ڈنر عشائیہ
lunch dejeuner لنچ
breakfast ناشتہ
welcome ویلکم استقبالیہ
farewell فیئرویل الوداعی
final فائنل
exercise ایکسرسائز ایکسرسائیز
after آفٹر
action ایکشن
review ریویو
medical میڈیکل
medic میڈک میڈیک
evacuation ایویکیوایشن medevac
drill ڈرل
parade پریڈ پریڈیں پریڈوں
briefing بریفنگ
safety سیفٹی حفاظتی
rehearsal ریہرسل بروفة بروفات
بروفة بروفات تدريب
opening اوپننگ
closing کلوزنگ
command کمانڈ
camp کیمپ
bus بس
shuttle شٹل
gym جم
canteen کینٹین
clinic کلینک
laundry لانڈری
uniform یونیفارم
phone فون telephone
number نمبر
captain کیپٹن کپتان
major میجر ميجور
colonel کرنل
flag فلیگ پرچم جھنڈا جھنڈے
raising ریزنگ کشائی لہرانا لہرایا لہرائی لہراتے
field فیلڈ terrain ميداني
kitchen کچن cuisine مطبخ kuzina kouzina koujina cuzina
shop store boutique magasin متجر حانوت دكان بقالة دکان hanout 7anout
square اسکوائر سکوائر چوک ساحة
well ویل کنواں کنویں کنوئیں puits بئر
tent ٹینٹ خیمہ
prayer نماز
line لائن
desk ڈیسک
liaison لائزن لیزان لیازان لیزون ارتباط رابطہ
office آفس
water واٹر
tower ٹاور
gate گیٹ
store اسٹور سٹور
shop شاپ
hospital ہسپتال اسپتال
doctor ڈاکٹر
parking پارکنگ
hotel ہوٹل
boots بوٹ بوٹس
mess میس
female women woman femme femmes féminin féminine féminins féminines نساء نسائي نسائية سيدات
""".strip().splitlines()


def _equivalents() -> dict[str, frozenset[str]]:
    """Folded word -> the folded words it stands for (itself excluded)."""
    table: dict[str, set[str]] = {}
    for line in GROUPS:
        group = {w for entry in line.split() for w in words(entry)}
        for word in group:
            table.setdefault(word, set()).update(group - {word})
    return {word: frozenset(others) for word, others in table.items()}


EQUIVALENTS = _equivalents()


def equivalents(word: str) -> frozenset[str]:
    """The other words `word` (folded) may stand for; empty when none."""
    return EQUIVALENTS.get(word, frozenset())
