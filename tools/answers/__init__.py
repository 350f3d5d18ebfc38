"""Answer-level evaluation: held-out questions asked through the real stack (see evaluate.py)."""
