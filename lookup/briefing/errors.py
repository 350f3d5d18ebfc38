"""What can stop a briefing being built; each message says what would work instead."""

from __future__ import annotations


class BriefingError(LookupError):
    """A briefing that cannot be built for these arguments."""


class UnknownExercise(BriefingError):
    pass


class UnknownAudience(BriefingError):
    pass


class LanguageNotAvailable(BriefingError):
    """Not a language of the exercise, or one briefings have no labels for yet."""
