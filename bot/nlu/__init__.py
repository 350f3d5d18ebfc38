"""Custom Rasa NLU components (run in the Rasa environment), one job each."""
