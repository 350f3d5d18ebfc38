"""Developer tools: the one-machine process supervisor, benchmarks, NLU evaluation and selection,
and the NLU components that were measured and not chosen. They may import any unit; no unit
imports them."""
