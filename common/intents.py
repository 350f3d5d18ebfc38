"""Who may trigger which intent: the one list the Rasa process (bot.channels.guard), the dialogue
policy, the actions and the console's Rasa client read.

*Staff intents* make the bot speak for the liaison cell. Only the liaison console sends them,
through Rasa's authenticated `trigger_intent` API; a visitor's message never carries them, whatever
it says (`/liaison_message{...}` typed in a chat is refused as not understood).

*Visitor shortcuts* are the `/intent{...}` messages a visitor's client may send: the payloads of
the buttons the bot itself offers (read from the domain's responses when Rasa starts) and the ones
listed here (the web chat's language picker). Each shortcut may carry only the entities listed
for it, with the values listed for them; anything else in a shortcut is dropped.
"""

from __future__ import annotations

from common.languages import LANGUAGES

MESSAGE_INTENT = "liaison_message"  # an officer's reply or an announcement, said as written
MESSAGE_ENTITY = "liaison_text"
HANDBACK_INTENT = "liaison_handback"  # the officer hands the conversation back to the bot
STAFF_INTENTS: frozenset[str] = frozenset({MESSAGE_INTENT, HANDBACK_INTENT})

# Shortcut intents beyond the domain's buttons → {entity: the values it may take}.
VISITOR_SHORTCUTS: dict[str, dict[str, frozenset[str]]] = {
    # web/chat/chat.js: the language picker sends /switch_language{"requested_language": "fr"}
    "switch_language": {"requested_language": frozenset(LANGUAGES)},
}
