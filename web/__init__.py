"""The web chat: a static page (`chat/`) and the small server that tells it where Rasa is."""
