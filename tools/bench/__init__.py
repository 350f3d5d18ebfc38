"""Benchmarks: `make bench` (speed and memory, against the bare `rasa init` assistant) and
`make bench-nlu` (the project's NLU pipeline on public intent and topic datasets).

Modules, one job each: `loadgen` (HTTP load generator, run as its own process), `questions`
(what the simulated users ask), `reference` (the `rasa init` assistant in a temp dir), `run`
(starts the stacks, drives the load, writes reports/bench.{json,md} and the plot), `report`
(tables and plot), `nlu` (public datasets → Rasa training data → train → score), `profile`
(py-spy's collapsed stacks → where a turn's time goes). None of it is part of `make test`;
tests/bench/ only checks the request framing, the percentile maths and the dataset converter.
"""
