"""What each Rasa channel can do, in one place for the action server (may an officer's reply reach
this visitor later?) and the lookup service (who receives an announcement?).

A channel can *push* when Rasa can send to the visitor unprompted, through the channel's output
(`/conversations/{id}/trigger_intent?output_channel=...`): the web chat's socket.io room and the
messaging platforms' APIs. The others answer only within the request the visitor made: `rest` and
`callback` (the answer goes back on that request or its callback URL) and `cmdline`.
"""

from __future__ import annotations

# Rasa channel names (a connector's name(), as Rasa records it as the input channel).
PUSH_CHANNELS: tuple[str, ...] = (
    "socketio",
    "telegram",
    "slack",
    "twilio",
    "botframework",
    "mattermost",
    "rocketchat",
)
REQUEST_ONLY_CHANNELS: tuple[str, ...] = ("rest", "callback", "cmdline")


def can_push(channel: str | None) -> bool:
    """Whether a message can reach a visitor on `channel` without their asking; an unknown channel
    cannot (promising a later reply there could break the promise)."""
    return channel in PUSH_CHANNELS
