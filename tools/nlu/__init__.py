"""NLU measurements: held-out evaluation, selection on a development split, overlap, catalogue."""
