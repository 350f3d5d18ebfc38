"""Every console string in Arabic, English and French: one table (tests check it is complete)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from common.languages import LANGUAGE_NAMES

# The console's languages, each named in itself (for the picker): the exercise's languages.
LANGUAGES = LANGUAGE_NAMES

STRINGS: dict[str, dict[str, str]] = {
    # Frame
    "console": {"en": "Liaison console", "fr": "Console de liaison", "ar": "لوحة فريق الارتباط"},
    "nav_handoffs": {"en": "Handoffs", "fr": "Transferts", "ar": "المحادثات المحوّلة"},
    "nav_unanswered": {
        "en": "Unanswered questions",
        "fr": "Questions sans réponse",
        "ar": "أسئلة بلا إجابة",
    },
    "nav_announcements": {"en": "Announcements", "fr": "Annonces", "ar": "الإعلانات"},
    "nav_translations": {"en": "Translations", "fr": "Traductions", "ar": "الترجمات"},
    "nav_staff": {"en": "Staff", "fr": "Équipe", "ar": "الحسابات"},
    "sign_out": {"en": "Sign out", "fr": "Se déconnecter", "ar": "تسجيل الخروج"},
    "language": {"en": "Language", "fr": "Langue", "ar": "اللغة"},
    "signed_in_as": {
        "en": "Signed in as {name}",
        "fr": "Connecté : {name}",
        "ar": "المستخدم: {name}",
    },
    "no_exercise": {
        "en": "No exercise is loaded.",
        "fr": "Aucun exercice n'est chargé.",
        "ar": "لم يُحمَّل أي تمرين.",
    },
    "times_in": {
        "en": "Times are in {zone}.",
        "fr": "Heures en {zone}.",
        "ar": "الأوقات بتوقيت {zone}.",
    },
    "unknown": {"en": "unknown", "fr": "inconnue", "ar": "غير معروفة"},
    # Sign-in
    "sign_in": {"en": "Sign in", "fr": "Se connecter", "ar": "تسجيل الدخول"},
    "username": {"en": "Username", "fr": "Identifiant", "ar": "اسم المستخدم"},
    "password": {"en": "Password", "fr": "Mot de passe", "ar": "كلمة المرور"},
    "wrong_password": {
        "en": "Wrong username or password.",
        "fr": "Identifiant ou mot de passe incorrect.",
        "ar": "اسم المستخدم أو كلمة المرور غير صحيحة.",
    },
    "too_many_attempts": {
        "en": "Too many failed attempts: wait a few minutes, then try again.",
        "fr": "Trop d'échecs : attendez quelques minutes avant de réessayer.",
        "ar": "محاولات فاشلة كثيرة: انتظر بضع دقائق ثم حاول مجددًا.",
    },
    "no_accounts": {
        "en": "No staff account exists yet: an administrator creates them on the server with "
        "`liaison add-staff`.",
        "fr": "Aucun compte n'existe encore : un administrateur les crée sur le serveur avec "
        "`liaison add-staff`.",
        "ar": "لا توجد حسابات بعد: ينشئها المسؤول على الخادم بالأمر `liaison add-staff`.",
    },
    "signed_out": {
        "en": "You are signed out.",
        "fr": "Vous êtes déconnecté.",
        "ar": "تم تسجيل خروجك.",
    },
    "please_sign_in": {
        "en": "Please sign in.",
        "fr": "Veuillez vous connecter.",
        "ar": "الرجاء تسجيل الدخول.",
    },
    # Handoff queue
    "queue_title": {"en": "Open handoffs", "fr": "Transferts ouverts", "ar": "المحادثات المفتوحة"},
    "queue_empty": {
        "en": "No conversation is waiting for the liaison team.",
        "fr": "Aucune conversation n'attend l'équipe de liaison.",
        "ar": "لا توجد محادثة بانتظار فريق الارتباط.",
    },
    "recently_closed": {
        "en": "Recently closed",
        "fr": "Fermés récemment",
        "ar": "أُغلقت مؤخرًا",
    },
    "col_opened": {"en": "Opened", "fr": "Ouvert", "ar": "فُتحت"},
    "col_language": {"en": "Language", "fr": "Langue", "ar": "اللغة"},
    "col_nationality": {"en": "Nationality", "fr": "Nationalité", "ar": "الجنسية"},
    "col_channel": {"en": "Channel", "fr": "Canal", "ar": "القناة"},
    "col_reason": {"en": "Reason", "fr": "Motif", "ar": "السبب"},
    "col_waiting": {"en": "Waiting", "fr": "Attente", "ar": "الانتظار"},
    "col_last": {"en": "Last message", "fr": "Dernier message", "ar": "آخر رسالة"},
    "col_closed": {"en": "Closed", "fr": "Fermé", "ar": "أُغلقت"},
    "col_closed_by": {"en": "Closed by", "fr": "Fermé par", "ar": "أغلقها"},
    "reason_asked": {
        "en": "asked for a person",
        "fr": "a demandé une personne",
        "ar": "طلب التحدث إلى شخص",
    },
    "reason_fallback": {
        "en": "the bot did not understand",
        "fr": "le bot n'a pas compris",
        "ar": "لم يفهم البوت",
    },
    "reason_lookup_failed": {
        "en": "the bot had no answer",
        "fr": "le bot n'avait pas de réponse",
        "ar": "لم يجد البوت إجابة",
    },
    "reason_handoff": {
        "en": "handed to a person",
        "fr": "transmis à une personne",
        "ar": "حُوّل إلى شخص",
    },
    "waiting_minutes": {"en": "{minutes} min", "fr": "{minutes} min", "ar": "{minutes} د"},
    "answered": {"en": "answered", "fr": "répondu", "ar": "تم الرد"},
    "open_link": {"en": "Open", "fr": "Ouvrir", "ar": "فتح"},
    # One handoff
    "handoff_title": {"en": "Handoff {id}", "fr": "Transfert {id}", "ar": "المحادثة {id}"},
    "speaker_visitor": {"en": "Visitor", "fr": "Visiteur", "ar": "الزائر"},
    "speaker_bot": {"en": "Bot", "fr": "Bot", "ar": "البوت"},
    "speaker_system": {"en": "Note", "fr": "Note", "ar": "ملاحظة"},
    "conversation": {"en": "Conversation", "fr": "Conversation", "ar": "المحادثة"},
    "status_open": {"en": "open", "fr": "ouvert", "ar": "مفتوحة"},
    "status_closed": {"en": "closed", "fr": "fermé", "ar": "مغلقة"},
    "told_reply_by": {
        "en": "The visitor was told to expect a reply by {time}.",
        "fr": "Le visiteur attend une réponse avant {time}.",
        "ar": "أُبلغ الزائر بأن الرد سيصل قبل {time}.",
    },
    "reply": {"en": "Reply", "fr": "Répondre", "ar": "الرد"},
    "reply_help": {
        "en": "The visitor reads it in the chat they used; the bot stays quiet until you hand "
        "the conversation back.",
        "fr": "Le visiteur le lit dans la messagerie qu'il a utilisée ; le bot se tait jusqu'à ce "
        "que vous lui rendiez la conversation.",
        "ar": "يقرأ الزائر الرد في المحادثة التي استخدمها، ويبقى البوت صامتًا حتى تعيد إليه "
        "المحادثة.",
    },
    "send": {"en": "Send", "fr": "Envoyer", "ar": "إرسال"},
    "hand_back": {
        "en": "Hand back to the bot",
        "fr": "Rendre la main au bot",
        "ar": "إعادة المحادثة إلى البوت",
    },
    "close_silently": {
        "en": "Close without a message",
        "fr": "Fermer sans message",
        "ar": "إغلاق دون رسالة",
    },
    "not_delivered": {
        "en": "Not delivered: {error}",
        "fr": "Non remis : {error}",
        "ar": "لم تصل: {error}",
    },
    "resend": {"en": "Send again", "fr": "Renvoyer", "ar": "إعادة الإرسال"},
    "reply_sent": {"en": "Reply sent.", "fr": "Réponse envoyée.", "ar": "أُرسل الرد."},
    "reply_failed": {
        "en": "The reply did not reach the visitor: {error}",
        "fr": "La réponse n'est pas parvenue au visiteur : {error}",
        "ar": "لم يصل الرد إلى الزائر: {error}",
    },
    "empty_reply": {
        "en": "Write something first.",
        "fr": "Écrivez d'abord un message.",
        "ar": "اكتب شيئًا أولًا.",
    },
    "handed_back": {
        "en": "Handed back to the bot.",
        "fr": "Conversation rendue au bot.",
        "ar": "أُعيدت المحادثة إلى البوت.",
    },
    "handback_failed": {
        "en": "Closed, but the visitor was not told the bot is back: {error}",
        "fr": "Fermé, mais le visiteur n'a pas été prévenu du retour du bot : {error}",
        "ar": "أُغلقت، لكن لم يُبلَّغ الزائر بعودة البوت: {error}",
    },
    "closed": {"en": "Closed.", "fr": "Fermé.", "ar": "أُغلقت."},
    "handoff_is_closed": {
        "en": "This handoff is closed.",
        "fr": "Ce transfert est fermé.",
        "ar": "هذه المحادثة مغلقة.",
    },
    "closed_by": {
        "en": "Closed by {name} at {time}.",
        "fr": "Fermé par {name} à {time}.",
        "ar": "أغلقها {name} في {time}.",
    },
    "event_handed_back": {
        "en": "{name} handed the conversation back to the bot.",
        "fr": "{name} a rendu la conversation au bot.",
        "ar": "أعاد {name} المحادثة إلى البوت.",
    },
    "event_handback_failed": {
        "en": "{name} handed the conversation back; the visitor was not told: {error}",
        "fr": "{name} a rendu la conversation ; le visiteur n'a pas été prévenu : {error}",
        "ar": "أعاد {name} المحادثة إلى البوت، ولم يُبلَّغ الزائر: {error}",
    },
    "event_closed": {
        "en": "{name} closed the handoff without a message.",
        "fr": "{name} a fermé le transfert sans message.",
        "ar": "أغلق {name} المحادثة دون رسالة.",
    },
    # Unanswered questions
    "unanswered_title": {
        "en": "Unanswered questions",
        "fr": "Questions sans réponse",
        "ar": "أسئلة بلا إجابة",
    },
    "unanswered_help": {
        "en": "Messages that ended in a fallback or a handoff, by language and likely topic. "
        "Answer one in a step, or suggest it as a training example.",
        "fr": "Messages qui ont abouti à un échec de compréhension ou à un transfert, par langue "
        "et par thème probable. Répondez en une étape, ou proposez-les comme exemples "
        "d'entraînement.",
        "ar": "رسائل انتهت بعدم فهم أو بتحويل إلى شخص، مصنفة حسب اللغة والموضوع المرجح. "
        "أجب عنها بخطوة واحدة أو اقترحها مثالًا للتدريب.",
    },
    "unanswered_empty": {
        "en": "No unanswered question.",
        "fr": "Aucune question sans réponse.",
        "ar": "لا توجد أسئلة بلا إجابة.",
    },
    "show_resolved": {
        "en": "Show resolved ones too",
        "fr": "Afficher aussi les résolues",
        "ar": "عرض المحلولة أيضًا",
    },
    "show_open": {
        "en": "Show open ones only",
        "fr": "N'afficher que les ouvertes",
        "ar": "عرض المفتوحة فقط",
    },
    "no_topic": {
        "en": "No likely topic",
        "fr": "Pas de thème probable",
        "ar": "بلا موضوع مرجح",
    },
    "questions_count": {
        "en": "{count} question(s)",
        "fr": "{count} question(s)",
        "ar": "عدد الأسئلة: {count}",
    },
    "col_question": {"en": "Question", "fr": "Question", "ar": "السؤال"},
    "col_when": {"en": "When", "fr": "Quand", "ar": "الوقت"},
    "col_intent": {"en": "Intent guess", "fr": "Intention devinée", "ar": "النية المرجحة"},
    "add_answer": {"en": "Add answer", "fr": "Ajouter une réponse", "ar": "إضافة إجابة"},
    "answer_item": {"en": "Answer item", "fr": "Fiche de réponse", "ar": "بند الإجابة"},
    "answer_text": {
        "en": "Its text in {language}",
        "fr": "Son texte en {language}",
        "ar": "نصه باللغة {language}",
    },
    "answer_help": {
        "en": "This replaces the item's text in this language; the bot answers with it at once. "
        "The other languages then show as older in Translations.",
        "fr": "Ce texte remplace celui de la fiche dans cette langue ; le bot l'utilise "
        "aussitôt. Les autres langues apparaissent alors comme plus anciennes dans Traductions.",
        "ar": "يحل هذا النص محل نص البند بهذه اللغة ويستخدمه البوت فورًا، وتظهر اللغات "
        "الأخرى عندها أقدم في صفحة الترجمات.",
    },
    "save_answer": {"en": "Save answer", "fr": "Enregistrer la réponse", "ar": "حفظ الإجابة"},
    "answer_saved": {
        "en": "Saved in “{item}” ({language}); the bot answers with it from now on.",
        "fr": "Enregistré dans « {item} » ({language}) ; le bot l'utilise désormais.",
        "ar": "حُفظت في «{item}» ({language})، وسيجيب بها البوت من الآن.",
    },
    "answer_invalid": {
        "en": "The answer was not saved: {problem}",
        "fr": "La réponse n'a pas été enregistrée : {problem}",
        "ar": "لم تُحفظ الإجابة: {problem}",
    },
    "language_not_in_exercise": {
        "en": "This question's language is not one of the exercise's languages.",
        "fr": "La langue de cette question n'est pas une langue de l'exercice.",
        "ar": "لغة هذا السؤال ليست من لغات التمرين.",
    },
    "suggest_training": {
        "en": "Suggest as training example",
        "fr": "Proposer comme exemple d'entraînement",
        "ar": "اقتراحه مثالًا للتدريب",
    },
    "training_intent": {"en": "Intent", "fr": "Intention", "ar": "النية"},
    "training_saved": {
        "en": "Added to {path} for the team to review before training.",
        "fr": "Ajouté à {path}, à relire par l'équipe avant l'entraînement.",
        "ar": "أُضيف إلى {path} ليراجعه الفريق قبل التدريب.",
    },
    "dismiss": {"en": "Dismiss", "fr": "Écarter", "ar": "تجاهل"},
    "dismissed": {"en": "Dismissed.", "fr": "Écartée.", "ar": "تم التجاهل."},
    "resolved_as": {
        "en": "Resolved ({how}) by {name}",
        "fr": "Résolue ({how}) par {name}",
        "ar": "حُلَّت ({how}) بواسطة {name}",
    },
    "resolution_answer": {"en": "answer", "fr": "réponse", "ar": "إجابة"},
    "resolution_training": {
        "en": "training example",
        "fr": "exemple d'entraînement",
        "ar": "مثال تدريب",
    },
    "resolution_dismissed": {"en": "dismissed", "fr": "écartée", "ar": "متجاهَل"},
    "already_resolved": {
        "en": "This question was already resolved.",
        "fr": "Cette question était déjà résolue.",
        "ar": "هذا السؤال محلول مسبقًا.",
    },
    # Announcements
    "announcements_title": {"en": "Announcements", "fr": "Annonces", "ar": "الإعلانات"},
    "compose": {"en": "New announcement", "fr": "Nouvelle annonce", "ar": "إعلان جديد"},
    "recipients_summary": {
        "en": "{count} visitor(s) can receive announcements.",
        "fr": "{count} visiteur(s) peuvent recevoir des annonces.",
        "ar": "عدد الزوار الذين يمكنهم تلقي الإعلانات: {count}.",
    },
    "no_recipients": {
        "en": "No visitor has talked to the bot on a channel that can receive announcements yet.",
        "fr": "Aucun visiteur n'a encore parlé au bot sur un canal qui reçoit les annonces.",
        "ar": "لم يتحدث أي زائر مع البوت بعد عبر قناة تستقبل الإعلانات.",
    },
    "needed_by": {
        "en": "required: {count} recipient(s) read this language",
        "fr": "obligatoire : {count} destinataire(s) lisent cette langue",
        "ar": "مطلوب: عدد المستلمين بهذه اللغة {count}",
    },
    "not_needed": {
        "en": "optional: no recipient reads only this language",
        "fr": "facultatif : aucun destinataire ne lit cette langue",
        "ar": "اختياري: لا يوجد مستلم بهذه اللغة",
    },
    "text_in": {
        "en": "Text in {language}",
        "fr": "Texte en {language}",
        "ar": "النص باللغة {language}",
    },
    "send_announcement": {
        "en": "Send to every recipient",
        "fr": "Envoyer à tous les destinataires",
        "ar": "إرسال إلى جميع المستلمين",
    },
    "announcement_needs_text": {
        "en": "Write the announcement in at least one language.",
        "fr": "Rédigez l'annonce dans au moins une langue.",
        "ar": "اكتب الإعلان بلغة واحدة على الأقل.",
    },
    "announcement_missing": {
        "en": "Also write it in: {languages} (some recipients read that language).",
        "fr": "Rédigez-la aussi en : {languages} (des destinataires lisent cette langue).",
        "ar": "اكتبه أيضًا باللغة: {languages} (بعض المستلمين يقرؤون هذه اللغة).",
    },
    "announcement_queued": {
        "en": "Announcement queued for {count} recipient(s).",
        "fr": "Annonce en cours d'envoi à {count} destinataire(s).",
        "ar": "يجري إرسال الإعلان إلى {count} من المستلمين.",
    },
    "announcement_title": {"en": "Announcement {id}", "fr": "Annonce {id}", "ar": "الإعلان {id}"},
    "past_announcements": {
        "en": "Sent announcements",
        "fr": "Annonces envoyées",
        "ar": "الإعلانات المرسلة",
    },
    "none_yet": {"en": "None yet.", "fr": "Aucune pour l'instant.", "ar": "لا شيء بعد."},
    "col_created": {"en": "Sent", "fr": "Envoyée", "ar": "أُرسل"},
    "col_by": {"en": "By", "fr": "Par", "ar": "بواسطة"},
    "col_text": {"en": "Text", "fr": "Texte", "ar": "النص"},
    "col_deliveries": {"en": "Deliveries", "fr": "Remises", "ar": "التسليم"},
    "col_recipient": {"en": "Recipient", "fr": "Destinataire", "ar": "المستلم"},
    "col_status": {"en": "Status", "fr": "État", "ar": "الحالة"},
    "col_attempts": {"en": "Attempts", "fr": "Tentatives", "ar": "المحاولات"},
    "col_error": {"en": "Last error", "fr": "Dernière erreur", "ar": "آخر خطأ"},
    "col_sent_at": {"en": "Delivered", "fr": "Remise", "ar": "وقت التسليم"},
    "status_pending": {"en": "pending", "fr": "en attente", "ar": "قيد الانتظار"},
    "status_sent": {"en": "sent", "fr": "envoyée", "ar": "أُرسلت"},
    "status_failed": {"en": "failed", "fr": "échec", "ar": "فشلت"},
    "details": {"en": "Details", "fr": "Détails", "ar": "التفاصيل"},
    "retry": {"en": "Retry", "fr": "Réessayer", "ar": "إعادة المحاولة"},
    "retry_failed": {
        "en": "Retry every failed delivery",
        "fr": "Réessayer toutes les remises en échec",
        "ar": "إعادة محاولة كل ما فشل",
    },
    "retry_queued": {
        "en": "Retrying {count} delivery(ies).",
        "fr": "Nouvel essai pour {count} remise(s).",
        "ar": "إعادة محاولة التسليم: {count}.",
    },
    "failed_banner": {
        "en": "{count} announcement delivery(ies) failed: see Announcements.",
        "fr": "{count} remise(s) d'annonce en échec : voir Annonces.",
        "ar": "فشل تسليم {count} من الإعلانات: راجع صفحة الإعلانات.",
    },
    # Translations
    "translations_title": {
        "en": "Translation completeness",
        "fr": "Complétude des traductions",
        "ar": "اكتمال الترجمات",
    },
    "translations_help": {
        "en": "Texts missing in a language, or changed in one language after another.",
        "fr": "Textes absents dans une langue, ou modifiés dans une langue après une autre.",
        "ar": "نصوص ناقصة في لغة ما، أو عُدّلت في لغة بعد أخرى.",
    },
    "translations_complete": {
        "en": "Every text exists, up to date, in every language.",
        "fr": "Chaque texte existe, à jour, dans chaque langue.",
        "ar": "كل النصوص موجودة ومحدّثة بكل اللغات.",
    },
    "col_item": {"en": "Item", "fr": "Élément", "ar": "البند"},
    "col_field": {"en": "Text", "fr": "Texte", "ar": "النص"},
    "col_missing": {"en": "Missing in", "fr": "Absent en", "ar": "ناقص في"},
    "col_stale": {"en": "Older in", "fr": "Plus ancien en", "ar": "أقدم في"},
    "col_newest": {"en": "Latest change", "fr": "Dernière modification", "ar": "آخر تعديل"},
    # Staff
    "staff_title": {"en": "Staff accounts", "fr": "Comptes de l'équipe", "ar": "حسابات الفريق"},
    "staff_help": {
        "en": 'Accounts are created on the server: liaison add-staff USERNAME --name "..." '
        "--lang ar|en|fr [--admin]",
        "fr": "Les comptes se créent sur le serveur : liaison add-staff IDENTIFIANT --name "
        '"..." --lang ar|en|fr [--admin]',
        "ar": 'تُنشأ الحسابات على الخادم: liaison add-staff USERNAME --name "..." '
        "--lang ar|en|fr [--admin]",
    },
    "col_username": {"en": "Username", "fr": "Identifiant", "ar": "اسم المستخدم"},
    "col_name": {"en": "Name", "fr": "Nom", "ar": "الاسم"},
    "col_admin": {"en": "Admin", "fr": "Admin", "ar": "مسؤول"},
    "col_last_login": {"en": "Last sign-in", "fr": "Dernière connexion", "ar": "آخر دخول"},
    "yes": {"en": "yes", "fr": "oui", "ar": "نعم"},
    "no": {"en": "no", "fr": "non", "ar": "لا"},
}


def translator(lang: str) -> Callable[..., str]:
    """t(key, **values): the string in `lang` (English if missing there), values filled in."""

    def t(key: str, **values: Any) -> str:
        entry = STRINGS[key]
        text = entry.get(lang) or entry["en"]
        return text.format(**values) if values else text

    return t
