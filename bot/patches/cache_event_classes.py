"""Remember the class of each event type name.

Reason: Rasa finds an event's class from its type name by walking every subclass of Event, with
`inspect.isabstract` on each, for every event it deserialises (stored events, and the events in
each reply of the action server). Found classes are remembered; a name not found yet (or a
default) goes through Rasa's own lookup, as before.

Gain: reading a tracker of 28 events from the store took 2.3 ms, two thirds of it there:
2.3 -> 1.0 ms (docs/bench.md, item 9). In quick runs at 10 users with ten-turn conversations it
did not show (74.7-76.2 turns/s against 75.1); it makes the first read of each conversation and
the action server's replies cheaper.

Risk: low. It wraps `Event.resolve_by_type` (a public static method) and keeps Rasa's lookup
for anything it has not seen; a class, once found for a name, is kept for the life of the
process. If Rasa changed the method's signature, the replacement would fail on every stored
event. Applied on Rasa 3.6.21 only; tests/bot/patches/test_cache_event_classes.py checks the
same classes, the default and the errors.
"""

from __future__ import annotations

from bot.patches._originals import Originals


def apply() -> Originals:
    """Replace `Event.resolve_by_type`; return what it replaced."""
    from rasa.shared.core.events import Event

    resolve = Event.resolve_by_type
    found: dict[str, type[Event]] = {}

    def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
        cls = found.get(type_name)
        if cls is None:
            cls = resolve(type_name, default)
            if cls is not None and cls is not default:
                found[type_name] = cls
        return cls

    originals = Originals()
    originals.replace(Event, "resolve_by_type", staticmethod(resolve_by_type))
    return originals
