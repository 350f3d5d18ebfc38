"""Patches of Rasa internals, one module each, each with its own switch."""
