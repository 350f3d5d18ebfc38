"""Every console string, through the gettext catalogs of `common.i18n` (domain "console"):
templates and routers call t(key, **values), the table below gives each key its English msgid,
and common/locale/<lang>/LC_MESSAGES/console.po its translation (`make i18n-extract` updates
them; tests/test_catalogs.py fails on a missing one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from common.i18n import N_
from common.i18n import translator as catalog_translator
from common.languages import LANGUAGE_NAMES

DOMAIN = "console"


def NN_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a text with a plural for extraction; t() picks the form for `count`."""
    return singular, plural


# The console's languages, each named in itself (for the picker): the exercise's languages.
LANGUAGES = LANGUAGE_NAMES

STRINGS: dict[str, str | tuple[str, str]] = {
    # Frame
    "console": N_("Liaison console"),
    "nav_handoffs": N_("Handoffs"),
    "nav_unanswered": N_("Unanswered questions"),
    "nav_announcements": N_("Announcements"),
    "nav_translations": N_("Translations"),
    "nav_staff": N_("Staff"),
    "sign_out": N_("Sign out"),
    "language": N_("Language"),
    "signed_in_as": N_("Signed in as {name}"),
    "no_exercise": N_("No exercise is loaded."),
    "times_in": N_("Times are in {zone}."),
    "unknown": N_("unknown"),
    # Sign-in
    "sign_in": N_("Sign in"),
    "username": N_("Username"),
    "password": N_("Password"),
    "wrong_password": N_("Wrong username or password."),
    "too_many_attempts": N_("Too many failed attempts: wait a few minutes, then try again."),
    "no_accounts": N_(
        "No staff account exists yet: an administrator creates them on the server with "
        "`liaison add-staff`."
    ),
    "signed_out": N_("You are signed out."),
    "please_sign_in": N_("Please sign in."),
    # Handoff queue
    "queue_title": N_("Open handoffs"),
    "queue_empty": N_("No conversation is waiting for the liaison team."),
    "recently_closed": N_("Recently closed"),
    "col_opened": N_("Opened"),
    "col_language": N_("Language"),
    "col_nationality": N_("Nationality"),
    "col_channel": N_("Channel"),
    "col_reason": N_("Reason"),
    "col_waiting": N_("Waiting"),
    "col_last": N_("Last message"),
    "col_closed": N_("Closed"),
    "col_closed_by": N_("Closed by"),
    "reason_asked": N_("asked for a person"),
    "reason_fallback": N_("the bot did not understand"),
    "reason_lookup_failed": N_("the bot had no answer"),
    "reason_handoff": N_("handed to a person"),
    "waiting_minutes": N_("{minutes} min"),
    "answered": N_("answered"),
    "open_link": N_("Open"),
    # One handoff
    "handoff_title": N_("Handoff {id}"),
    "speaker_visitor": N_("Visitor"),
    "speaker_bot": N_("Bot"),
    "speaker_system": N_("Note"),
    "conversation": N_("Conversation"),
    "status_open": N_("open"),
    "status_closed": N_("closed"),
    "told_reply_by": N_("The visitor was told to expect a reply by {time}."),
    "reply": N_("Reply"),
    "reply_help": N_(
        "The visitor reads it in the chat they used; the bot stays quiet until you hand the "
        "conversation back."
    ),
    "send": N_("Send"),
    "hand_back": N_("Hand back to the bot"),
    "close_silently": N_("Close without a message"),
    "not_delivered": N_("Not delivered: {error}"),
    "resend": N_("Send again"),
    "reply_sent": N_("Reply sent."),
    "reply_failed": N_("The reply did not reach the visitor: {error}"),
    "empty_reply": N_("Write something first."),
    "handed_back": N_("Handed back to the bot."),
    "handback_failed": N_("Closed, but the visitor was not told the bot is back: {error}"),
    "closed": N_("Closed."),
    "handoff_is_closed": N_("This handoff is closed."),
    "closed_by": N_("Closed by {name} at {time}."),
    "event_handed_back": N_("{name} handed the conversation back to the bot."),
    "event_handback_failed": N_(
        "{name} handed the conversation back; the visitor was not told: {error}"
    ),
    "event_closed": N_("{name} closed the handoff without a message."),
    # Refused questions (OPSEC guard, issue 19)
    "nav_refusals": N_("Refused questions"),
    "refusals_title": N_("Questions refused for operational security"),
    "refusals_help": N_(
        "Questions the bot refused because they sought operationally sensitive information, "
        "newest first, for the exercise's security officer. The visitor was told why and "
        "offered the liaison team."
    ),
    "refusals_empty": N_("No question has been refused."),
    "col_sender": N_("Sender"),
    # Enrolment codes (access tiers, issue 19)
    "nav_enrolment": N_("Enrolment codes"),
    "enrolment_title": N_("Enrolment codes"),
    "enrolment_help": N_(
        "A code lets a contingent's people see the participants' answers (schedule, venues, "
        "meals, contacts). Give each contingent its own code; revoking one also ends the "
        "access of those who enrolled with it."
    ),
    "code_made": N_("New code for {nation}, shown only this once:"),
    "code_not_made": N_("No code made: {reason}"),
    "code_revoked": N_("Code {hint}-… revoked."),
    "col_nation": N_("Nation"),
    "col_uses": N_("Uses"),
    "col_expires": N_("Valid until"),
    "col_code": N_("Code"),
    "col_used_by": N_("Enrolled visitors"),
    "make_code": N_("Make a code"),
    "codes_empty": N_("No enrolment code yet."),
    "revoke": N_("Revoke"),
    "code_status_active": N_("Active"),
    "code_status_expired": N_("Expired"),
    "code_status_revoked": N_("Revoked"),
    "code_status_used_up": N_("Used up"),
    # Unanswered questions
    "unanswered_title": N_("Unanswered questions"),
    "unanswered_help": N_(
        "Messages that ended in a fallback or a handoff, by language and likely topic. "
        "Answer one in a step, or suggest it as a training example."
    ),
    "unanswered_empty": N_("No unanswered question."),
    "show_resolved": N_("Show resolved ones too"),
    "show_open": N_("Show open ones only"),
    "no_topic": N_("No likely topic"),
    "questions_count": NN_("{count} question", "{count} questions"),
    "col_question": N_("Question"),
    "col_when": N_("When"),
    "col_intent": N_("Intent guess"),
    "add_answer": N_("Add answer"),
    "answer_item": N_("Answer item"),
    "answer_text": N_("Its text in {language}"),
    "answer_help": N_(
        "This replaces the item's text in this language; the bot answers with it at once. "
        "The other languages then show as older in Translations."
    ),
    "save_answer": N_("Save answer"),
    "answer_saved": N_("Saved in “{item}” ({language}); the bot answers with it from now on."),
    "answer_invalid": N_("The answer was not saved: {problem}"),
    "language_not_in_exercise": N_(
        "This question's language is not one of the exercise's languages."
    ),
    "suggest_training": N_("Suggest as training example"),
    "training_intent": N_("Intent"),
    "training_saved": N_("Added to {path} for the team to review before training."),
    "dismiss": N_("Dismiss"),
    "dismissed": N_("Dismissed."),
    "resolved_as": N_("Resolved ({how}) by {name}"),
    "resolution_answer": N_("answer"),
    "resolution_training": N_("training example"),
    "resolution_dismissed": N_("dismissed"),
    "already_resolved": N_("This question was already resolved."),
    # Announcements
    "announcements_title": N_("Announcements"),
    "compose": N_("New announcement"),
    "recipients_summary": N_("{count} visitor(s) can receive announcements."),
    "no_recipients": N_(
        "No visitor has talked to the bot on a channel that can receive announcements yet."
    ),
    "needed_by": N_("required: {count} recipient(s) read this language"),
    "not_needed": N_("optional: no recipient reads only this language"),
    "text_in": N_("Text in {language}"),
    "send_announcement": N_("Send to every recipient"),
    "announcement_needs_text": N_("Write the announcement in at least one language."),
    "announcement_missing": N_(
        "Also write it in: {languages} (some recipients read that language)."
    ),
    "announcement_queued": N_("Announcement queued for {count} recipient(s)."),
    "announcement_title": N_("Announcement {id}"),
    "past_announcements": N_("Sent announcements"),
    "none_yet": N_("None yet."),
    "col_created": N_("Sent"),
    "col_by": N_("By"),
    "col_text": N_("Text"),
    "col_deliveries": N_("Deliveries"),
    "col_recipient": N_("Recipient"),
    "col_status": N_("Status"),
    "col_attempts": N_("Attempts"),
    "col_error": N_("Last error"),
    "col_sent_at": N_("Delivered"),
    "status_pending": N_("pending"),
    "status_sent": N_("sent"),
    "status_failed": N_("failed"),
    "details": N_("Details"),
    "retry": N_("Retry"),
    "retry_failed": N_("Retry every failed delivery"),
    "retry_queued": N_("Retrying {count} delivery(ies)."),
    "failed_banner": N_("{count} announcement delivery(ies) failed: see Announcements."),
    # Translations
    "translations_title": N_("Translation completeness"),
    "translations_help": N_(
        "Texts missing in a language, or changed in one language after another."
    ),
    "translations_complete": N_("Every text exists, up to date, in every language."),
    "col_item": N_("Item"),
    "col_field": N_("Text"),
    "col_missing": N_("Missing in"),
    "col_stale": N_("Older in"),
    "col_newest": N_("Latest change"),
    # Staff
    "staff_title": N_("Staff accounts"),
    "staff_help": N_(
        'Accounts are created on the server: liaison add-staff USERNAME --name "..." '
        "--lang {languages} [--admin]"
    ),
    "col_username": N_("Username"),
    "col_name": N_("Name"),
    "col_admin": N_("Admin"),
    "col_last_login": N_("Last sign-in"),
    "yes": N_("yes"),
    "no": N_("no"),
}


def translator(lang: str) -> Callable[..., str]:
    """t(key, **values): the string in `lang` (English if missing there), values filled in; a
    string with a plural takes the form CLDR's rules give `count`."""
    catalog = catalog_translator(lang, DOMAIN)

    def t(key: str, **values: Any) -> str:
        entry = STRINGS[key]
        if isinstance(entry, tuple):
            text = catalog.ngettext(entry[0], entry[1], int(values["count"]))
        else:
            text = catalog.gettext(entry)
        return text.format(**values) if values else text

    return t
