"""Project-side fixes to Rasa 3.6's messaging connectors (credentials.yml names them by path)."""
