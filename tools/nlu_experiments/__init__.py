"""Rasa components that were measured against the chosen pipeline and lost (docs/nlu.md): kept,
with their tests, for `make select` and `make compare-tokenizers`, outside the assistant's unit so
that editing them neither ships nor retrains anything."""
