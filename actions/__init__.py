"""Custom actions (rasa-sdk). Thin: read the tracker, ask the lookup service, say the answer."""
